package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.GeneratedLogs;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path of iALS training, one {@link IalsHalfStep} on one thread (JMH; run with
 * {@code bench/scoring IalsHalfStepBenchmark}): the users' half-step (many rows, a few to a few
 * hundred interactions each) and the items' (fewer, longer rows) of a seeded power-law log of
 * {@value #USERS} users and {@value #ITEMS} items (1 to {@value #MAX_HISTORY} interactions per user,
 * item k drawn with weight {@code 1/(k+1)^0.9}), {@value #FACTORS} factors and the other
 * hyperparameters at their defaults. Each call re-solves the rows in place from their previous
 * value, as training does; the cost of a call does not depend on the values. Package-private like
 * the class it measures, so it lives beside it rather than in {@code io.tastemaker.engine.bench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class IalsHalfStepBenchmark {

    static final int USERS = 4_000;
    static final int ITEMS = 2_000;
    static final int MAX_HISTORY = 200;
    static final int FACTORS = 64;
    static final long SEED = 64L;

    private InteractionMatrix matrix;
    private IalsRecipe.HyperParameters parameters;
    private float[][] users;
    private float[][] items;
    private IalsHalfStep.Scratch scratch;

    @Setup(Level.Trial)
    public void generate() {
        matrix = InteractionMatrix.of(GeneratedLogs.powerLaw(USERS, ITEMS, 0.9, MAX_HISTORY, SEED));
        IalsRecipe.HyperParameters defaults = IalsRecipe.HyperParameters.defaults();
        parameters = new IalsRecipe.HyperParameters(FACTORS, 1, defaults.regularization(),
                defaults.regularizationExponent(), defaults.alpha(), defaults.cgSteps());
        SplittableRandom random = new SplittableRandom(SEED);
        users = vectors(matrix.userCount(), random);
        items = vectors(matrix.itemCount(), random);
        scratch = new IalsHalfStep.Scratch();
    }

    private static float[][] vectors(int rows, SplittableRandom random) {
        float[][] vectors = new float[rows][FACTORS];
        for (float[] vector : vectors) {
            for (int f = 0; f < FACTORS; f++) {
                vector[f] = (float) ((random.nextDouble() - 0.5) * 0.1 / Math.sqrt(FACTORS));
            }
        }
        return vectors;
    }

    @Benchmark
    public float[][] users() {
        IalsHalfStep.solve(users, null, matrix.userOffsets, matrix.userItems, matrix.userRepeats, items, parameters,
                null, scratch);
        return users;
    }

    @Benchmark
    public float[][] items() {
        IalsHalfStep.solve(items, null, matrix.itemOffsets, matrix.itemUsers, matrix.itemRepeats, users, parameters,
                null, scratch);
        return items;
    }
}
