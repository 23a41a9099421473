package io.tastemaker.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.InvalidNextTokenException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void pagesThroughAListWithTheTokensItIssues() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        PageRequest first = PageRequest.of("ListThings", null, 2);
        Page<Integer> page1 = Page.of(slice(all, first), first);
        assertThat(page1.items()).containsExactly(1, 2);
        PageRequest second = PageRequest.of("ListThings", page1.nextToken(), 2);
        Page<Integer> page2 = Page.of(slice(all, second), second);
        assertThat(page2.items()).containsExactly(3, 4);
        PageRequest third = PageRequest.of("ListThings", page2.nextToken(), 2);
        Page<Integer> page3 = Page.of(slice(all, third), third);
        assertThat(page3.items()).containsExactly(5);
        assertThat(page3.nextToken()).isNull();
    }

    @Test
    void refusesATokenOfAnotherListOrAMadeUpOne() {
        String token = PageRequest.of("ListThings", null, 1).nextToken();
        assertThatThrownBy(() -> PageRequest.of("ListOtherThings", token, 1)).isInstanceOf(InvalidNextTokenException.class);
        assertThatThrownBy(() -> PageRequest.of("ListThings", "not-a-token!", 1)).isInstanceOf(InvalidNextTokenException.class);
    }

    @Test
    void refusesMaxResultsOutsideOneToHundred() {
        assertThatThrownBy(() -> PageRequest.of("L", null, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxResults");
        assertThatThrownBy(() -> PageRequest.of("L", null, 101)).isInstanceOf(InvalidInputException.class);
        assertThat(PageRequest.of("L", null, null).maxResults()).isEqualTo(100);
    }

    private static List<Integer> slice(List<Integer> all, PageRequest page) {
        return all.subList(Math.min(page.offset(), all.size()), Math.min(page.offset() + page.maxResults() + 1, all.size()));
    }
}
