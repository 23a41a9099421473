package io.tastemaker.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /metrics is served to this machine without a token, and to anyone with the right token once one is set. */
class MetricsAccessTest {

    @Test
    void without_a_token_only_loopback_clients_are_served() {
        MetricsAccess access = new MetricsAccess(Optional.empty());
        assertThat(access.refusal("127.0.0.1", null)).isNull();
        assertThat(access.refusal("127.8.9.10", null)).isNull();
        assertThat(access.refusal("0:0:0:0:0:0:0:1", null)).isNull();
        assertThat(access.refusal("[::1]", null)).isNull();
        assertThat(access.refusal("10.1.2.3", null)).contains("this machine only");
        assertThat(access.refusal("192.168.0.4", "Bearer anything-at-all-long")).isNotNull();
        assertThat(access.refusal("localhost.evil.example", null)).isNotNull();
        assertThat(access.refusal(null, null)).isNotNull();
    }

    @Test
    void with_a_token_every_client_must_send_it() {
        MetricsAccess access = new MetricsAccess(Optional.of("a-long-enough-metrics-token"));
        assertThat(access.refusal("10.1.2.3", "Bearer a-long-enough-metrics-token")).isNull();
        assertThat(access.refusal("10.1.2.3", "bearer a-long-enough-metrics-token")).isNull();
        assertThat(access.refusal("127.0.0.1", null)).contains("Bearer");
        assertThat(access.refusal("127.0.0.1", "Bearer a-long-enough-metrics-tokeN")).contains("not valid");
        assertThat(access.refusal("127.0.0.1", "Basic YTpi")).contains("Bearer");
    }

    @Test
    void a_short_token_is_refused_at_start() {
        assertThatThrownBy(() -> new MetricsAccess(Optional.of("short"))).hasMessageContaining("16");
        assertThat(new MetricsAccess(Optional.of("  ")).tokenRequired()).isFalse();
    }
}
