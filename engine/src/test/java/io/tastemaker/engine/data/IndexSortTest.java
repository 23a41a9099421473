package io.tastemaker.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexSortTest {

    private static final long SEED = 20_261_128L;

    @Test
    void sortsStablyLikeTheJdkSortOnBoxedValues() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = random.nextInt(1 + random.nextInt(20));
            }
            int[] indices = new int[n];
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                indices[i] = i;
                expected.add(i);
            }
            // List.sort is stable, so equal keys stay in index order there too.
            expected.sort(Comparator.comparingLong(i -> keys[i]));

            IndexSort.stableSort(indices, (a, b) -> Long.compare(keys[a], keys[b]));

            assertThat(indices).as("seed %d, round %d", SEED, round)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void sortsOnlyTheGivenRange() {
        int[] values = {9, 8, 7, 6, 5, 4};

        IndexSort.stableSort(values, 1, 4, Integer::compare);

        assertThat(values).containsExactly(9, 6, 7, 8, 5, 4);
    }
}
