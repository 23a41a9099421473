package io.tastemaker.security.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The building blocks: wildcards, ARN segments, IP ranges, dates and policy strings. */
class MatchingTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' ~ ''{1}'' = {2}")
    @CsvSource(delimiter = '|', value = {
        "*|''|true",
        "*|anything at all|true",
        "''|''|true",
        "''|a|false",
        "a|a|true",
        "a|A|false",
        "?|a|true",
        "?|''|false",
        "?|ab|false",
        "a*|a|true",
        "a*|abc|true",
        "*c|abc|true",
        "*c|abd|false",
        "a*c|ac|true",
        "a*c|abbbc|true",
        "a*c|abcd|false",
        "a*b*c|aXbYc|true",
        "a*b*c|aXcYb|false",
        "*a*a*a*b|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|false",
        "*a*a*a*b|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab|true",
        "a?c*|abcdef|true",
        "**|x|true",
        "a**b|ab|true",
    })
    void wildcards_match_the_whole_text(String pattern, String text, boolean matches) {
        assertThat(Glob.matches(Glob.compile(pattern), text)).isEqualTo(matches);
    }

    @Test
    void a_literal_program_takes_wildcards_literally() {
        assertThat(Glob.matches(Glob.literal("a*"), "a*")).isTrue();
        assertThat(Glob.matches(Glob.literal("a*"), "abc")).isFalse();
        assertThat(Glob.matches(Glob.literal("?"), "x")).isFalse();
        assertThat(Glob.hasWildcard(Glob.compile("a*"))).isTrue();
        assertThat(Glob.hasWildcard(Glob.literal("a*"))).isFalse();
        assertThat(Glob.toString(Glob.compile("a*b?"))).isEqualTo("a*b?");
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "*|*|true",
        "*|arn:aws:s3:::bucket/key|true",
        "arn:aws:s3:::*|arn:aws:s3:::bucket/key|true",
        "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/a/b/c|true",
        "arn:aws:s3:::bucket/*|arn:aws:s3:::other/a|false",
        "arn:aws:personalize:*:111122223333:campaign/*|arn:aws:personalize:eu-west-1:111122223333:campaign/x|true",
        "arn:aws:personalize:*:111122223333:campaign/*|arn:aws:personalize:eu-west-1:444455556666:campaign/x|false",
        "arn:aws:personalize:us-*|arn:aws:personalize:us-east-1:111122223333:campaign/x|true",
        "arn:aws:personalize:us-*|arn:aws:personalize:eu-west-1:111122223333:campaign/x|false",
        "arn:aws:personalize:*:campaign/x|arn:aws:personalize:us-east-1:111122223333:campaign/x|true",
        "arn:aws:personalize:*:campaign/x|arn:aws:personalize:us-east-1:111122223333:campaign/y|false",
        "arn:aws:personalize:u?-east-1:*|arn:aws:personalize:us-east-1:1:c|true",
        "arn:aws:personalize:us-east-?:*|arn:aws:personalize:us-east-:1:c|false",
        "arn:aws:logs:r:1:log-group:a*b|arn:aws:logs:r:1:log-group:a:b|false",
        "arn:aws:logs:r:1:log-group:a*|arn:aws:logs:r:1:log-group:a:b|true",
        "arn:aws:logs:r:1:log-group:*:log-stream:x|arn:aws:logs:r:1:log-group:g:h:log-stream:x|true",
        "arn:aws:logs:r:1:log-group:*:log-stream:x|arn:aws:logs:r:1:log-group:g:h:log-stream:y|false",
        "arn:aws:iam::1:user/alice|arn:aws:iam::1:user/alice|true",
        "arn:aws:iam::1:user/alice|arn:aws:iam::1:user/alice2|false",
        "arn:aws:iam::1:user/alice|arn:aws:iam::1:user|false",
        "arn:aws:iam::1:user/alice|*|false",
        "arn:aws:iam::1:user/alice|alice|false",
    })
    void arns_match_segment_by_segment(String pattern, String arn, boolean matches) {
        int[] program = Glob.compile(pattern);
        assertThat(ArnMatcher.matches(program, ArnMatcher.separators(program), arn, ArnMatcher.separators(arn)))
                .isEqualTo(matches);
    }

    @ParameterizedTest(name = "[{index}] {0} ∋ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.0/24|192.0.2.0|true",
        "192.0.2.0/24|192.0.2.255|true",
        "192.0.2.0/24|192.0.3.0|false",
        "192.0.2.0/23|192.0.3.200|true",
        "192.0.2.0/23|192.0.4.1|false",
        "192.0.2.0/31|192.0.2.1|true",
        "192.0.2.0/31|192.0.2.2|false",
        "192.0.2.9/32|192.0.2.9|true",
        "192.0.2.9|192.0.2.8|false",
        "0.0.0.0/0|255.255.255.255|true",
        "10.0.0.0/8|10.255.1.1|true",
        "10.0.0.0/9|10.128.0.0|false",
        "::/0|2001:db8::1|true",
        "::/0|192.0.2.1|false",
        "2001:db8::/32|2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff|true",
        "2001:db8::/33|2001:db8:8000::|false",
        "2001:db8::/33|2001:db8:7fff::|true",
        "2001:db8::/127|2001:db8::1|true",
        "2001:db8::/127|2001:db8::2|false",
        "::ffff:192.0.2.0/120|::ffff:192.0.2.77|true",
        "::ffff:192.0.2.0/120|192.0.2.77|false",
        "fe80::/10|[fe80::1%eth0]|true",
        "1:2:3:4:5:6:7:8/128|1:2:3:4:5:6:7:8|true",
        "1:2:3:4:5:6:7::/112|1:2:3:4:5:6:7:ffff|true",
        "::1|::1|true",
        "::1|::2|false",
    })
    void ip_ranges_hold_the_addresses_of_their_prefix(String range, String address, boolean contains) {
        IpRange parsed = IpRange.parse(range);
        assertThat(parsed).as(range).isNotNull();
        assertThat(parsed.contains(IpRange.address(address, true))).isEqualTo(contains);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''", "1.2.3", "1.2.3.4.5", "256.0.0.0", "01.2.3.4", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/33", "1.2.3.4/1x", "a.b.c.d",
        "'1.2.3.4 '", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "::/129", "1:2:3:4:5:6:7:8::",
        ":1:2:3:4:5:6:7", "1:2:3:4:5:6:1.2.3.4:8", "::1.2.3", "fe80::1%eth0", "[::1]", "１.2.3.4",
    })
    void refuses_what_is_not_an_address_or_a_range(String text) {
        assertThat(IpRange.parse(text)).isNull();
    }

    @Test
    void parses_ipv6_the_way_the_jdk_does() {
        assertThat(HexFormat.of().formatHex(IpRange.address("2001:db8::ff00:42:8329", false)))
                .isEqualTo("20010db8000000000000ff0000428329");
        assertThat(HexFormat.of().formatHex(IpRange.address("::ffff:192.0.2.128", false)))
                .isEqualTo("00000000000000000000ffffc0000280");
        assertThat(HexFormat.of().formatHex(IpRange.address("1::", false))).isEqualTo("00010000000000000000000000000000");
        assertThat(HexFormat.of().formatHex(IpRange.address("192.0.2.1", false))).isEqualTo("c0000201");
        assertThat(IpRange.address("[::1]", false)).isNull();
        assertThat(IpRange.address("[::1]", true)).hasSize(16);
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-11-28|2026-11-28T00:00:00Z",
        "2026-11-28T09:30Z|2026-11-28T09:30:00Z",
        "2026-11-28T09:30:15Z|2026-11-28T09:30:15Z",
        "2026-11-28T09:30:15.5Z|2026-11-28T09:30:15.500Z",
        "2026-11-28T09:30:15.123456789Z|2026-11-28T09:30:15.123456789Z",
        "2026-11-28T09:30:15+02:00|2026-11-28T07:30:15Z",
        "2026-11-28T09:30:15-05:30|2026-11-28T15:00:15Z",
        "2026-11-28T09:30:15|2026-11-28T09:30:15Z",
        "2024-02-29T00:00:00Z|2024-02-29T00:00:00Z",
        "2026-11-28T23:59:59.000000001Z|2026-11-28T23:59:59.000000001Z",
        "2026-11-28T09:30:15.10Z|2026-11-28T09:30:15.100Z",
        "0|1970-01-01T00:00:00Z",
        "1795859400|2026-11-28T09:50:00Z",
        "-86400|1969-12-31T00:00:00Z",
        "2026|1970-01-01T00:33:46Z",
    })
    void reads_iso_8601_and_epoch_seconds(String text, String instant) {
        assertThat(PolicyDates.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''", "2026-11", "2026-13-01", "2026-02-29", "2026-11-28T25:00Z", "2026-11-28T09:30:15ZZ", "28/11/2026",
        "2026-11-28 09:30:15", "tomorrow", "-", "12345678901234567890", "1.5", "2026-11-28T09Z",
        "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T09:60:00Z", "2026-11-28T09:30:60Z",
        "2026-11-28T09:30:15.Z", "2026-11-28T09:30:15.1234567890Z", "2026-11-28T09:30:1xZ", "+2026-11-28T09:30:15Z",
    })
    void refuses_what_is_not_a_date(String text) {
        assertThat(PolicyDates.parse(text)).isNull();
    }

    @Test
    void a_policy_string_substitutes_variables_literally_and_once() {
        RequestContext request = RequestContext.builder("x:Y").username("a*b").key("tm:v", "${aws:username}").build();

        assertThat(PolicyString.compile("u/${aws:username}", false, true).resolve(request)).isEqualTo("u/a*b");
        assertThat(PolicyString.compile("u/${tm:v}", false, true).resolve(request)).isEqualTo("u/${aws:username}");
        assertThat(PolicyString.compile("u/${tm:none}", false, true).resolve(request)).isNull();
        assertThat(PolicyString.compile("u/${tm:none, 'it''s'}", false, true).resolve(request)).isEqualTo("u/it's");
        assertThat(PolicyString.compile("u/${ tm:none , 'd'  }", false, true).resolve(request)).isEqualTo("u/d");
        assertThat(PolicyString.compile("u/${tm:none, 'a}b'}", false, true).resolve(request)).isEqualTo("u/a}b");
        assertThat(PolicyString.compile("${*}${?}${$}", false, true).resolve(request)).isEqualTo("*?$");
        assertThat(PolicyString.compile("u/${aws:username}", false, false).resolve(request)).isEqualTo("u/${aws:username}");
        assertThat(PolicyString.compile("u/${aws:username}*", true, true).globMatches("u/a*bcd", request)).isTrue();
        assertThat(PolicyString.compile("u/${aws:username}*", true, true).globMatches("u/axbcd", request)).isFalse();
        assertThat(PolicyString.compile("u/${aws:username}", true, true).hasVariables()).isTrue();
        assertThat(PolicyString.compile("u/${*}", true, true).hasVariables()).isFalse();
    }
}
