package io.tastemaker.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JsonIn refuses U+0000 anywhere in a request, naming where it is, and reads everything else. */
class JsonInTest {

    private static JsonIn parse(String json) {
        return JsonIn.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulCharacterIsRefusedWithItsPath() {
        assertThatThrownBy(() -> parse("{\"userId\": \"a\\u0000b\"}")).isInstanceOf(NulCharacterException.class)
                .hasMessage("1 validation error detected: 'userId' holds the character U+0000, which no member may hold.");
        assertThatThrownBy(() -> parse("{\"trackingId\": \"t\", \"eventList\": [{\"itemId\": \"i\"}, {\"itemId\": \"\\u0000\"}]}"))
                .isInstanceOf(NulCharacterException.class).hasMessageContaining("'eventList[1].itemId'");
        assertThatThrownBy(() -> parse("{\"context\": {\"DEV\\u0000ICE\": \"mobile\"}}"))
                .isInstanceOf(NulCharacterException.class).hasMessageContaining("'context.DEV\\u0000ICE'");
    }

    @Test
    void otherControlCharactersAndUnicodeAreRead() {
        JsonIn in = parse("{\"userId\": \"a\\u0001b\\tc\", \"name\": \"caf\\u00e9 \\ud83d\\ude00\"}");
        assertThat(in.string("userId")).isEqualTo("a\u0001b\tc");
        assertThat(in.string("name")).isEqualTo("café 😀");
    }
}
