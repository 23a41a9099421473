package io.tastemaker.security.policy;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 203.0.113.0/24},
 * {@code 2001:db8::/32}); an address without a prefix length is a range of one. Parsed by hand,
 * never through {@link java.net.InetAddress}, so that no text can ever cause a DNS lookup.
 *
 * <p>An IPv4 range contains only IPv4 addresses and an IPv6 range only IPv6 addresses (an
 * IPv4-mapped IPv6 address such as {@code ::ffff:203.0.113.5} is an IPv6 address here).
 */
final class IpRange {

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses a CIDR range or a single address; null when it is neither. */
    static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = address(address, false);
        if (bytes == null) {
            return null;
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !digits(length)) {
                return null;
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                return null;
            }
        }
        return new IpRange(bytes, prefix);
    }

    /** Whether the address (4 or 16 bytes) is in this range. */
    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    /**
     * The bytes of an IPv4 (4) or IPv6 (16) address; null when the text is not one.
     *
     * @param lenient also accept an IPv6 address in brackets or with a zone ({@code %eth0}),
     *                as servers may report the caller's address
     */
    static byte[] address(String text, boolean lenient) {
        String s = text;
        if (lenient) {
            if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
                s = s.substring(1, s.length() - 1);
            }
            int zone = s.indexOf('%');
            if (zone > 0 && s.indexOf(':') >= 0) {
                s = s.substring(0, zone);
            }
        }
        if (s.indexOf(':') >= 0) {
            return ipv6(s);
        }
        byte[] bytes = new byte[4];
        return ipv4(s, bytes, 0) ? bytes : null;
    }

    private static boolean ipv4(String s, byte[] out, int offset) {
        int part = 0;
        int value = 0;
        int digits = 0;
        boolean leadingZero = false;
        for (int i = 0; i <= s.length(); i++) {
            char c = i == s.length() ? '.' : s.charAt(i);
            if (c == '.') {
                if (part > 3 || digits == 0 || value > 255 || (leadingZero && digits > 1)) {
                    return false;
                }
                out[offset + part++] = (byte) value;
                value = 0;
                digits = 0;
                leadingZero = false;
            } else if (c >= '0' && c <= '9') {
                if (digits == 0) {
                    leadingZero = c == '0';
                }
                if (++digits > 3) {
                    return false;
                }
                value = value * 10 + (c - '0');
            } else {
                return false;
            }
        }
        return part == 4;
    }

    private static byte[] ipv6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        int[] head = new int[10];
        int[] tail = new int[10];
        int headCount;
        int tailCount = 0;
        byte[] v4 = null;
        String[] parts;
        if (doubleColon >= 0) {
            String left = s.substring(0, doubleColon);
            String right = s.substring(doubleColon + 2);
            headCount = groups(left, head, false);
            if (headCount < 0) {
                return null;
            }
            if (!right.isEmpty()) {
                int lastColon = right.lastIndexOf(':');
                String last = right.substring(lastColon + 1);
                if (last.indexOf('.') >= 0) {
                    v4 = new byte[4];
                    if (!ipv4(last, v4, 0)) {
                        return null;
                    }
                    right = lastColon < 0 ? "" : right.substring(0, lastColon);
                    if (lastColon >= 0 && right.isEmpty()) {
                        return null;
                    }
                }
                tailCount = groups(right, tail, false);
                if (tailCount < 0) {
                    return null;
                }
            }
            int used = headCount + tailCount + (v4 == null ? 0 : 2);
            if (used > 7) {
                return null;
            }
        } else {
            String body = s;
            int lastColon = s.lastIndexOf(':');
            String last = s.substring(lastColon + 1);
            if (last.indexOf('.') >= 0) {
                v4 = new byte[4];
                if (!ipv4(last, v4, 0)) {
                    return null;
                }
                body = s.substring(0, lastColon);
            }
            headCount = groups(body, head, true);
            if (headCount < 0 || headCount + (v4 == null ? 0 : 2) != 8) {
                return null;
            }
        }
        byte[] out = new byte[16];
        for (int g = 0; g < headCount; g++) {
            out[2 * g] = (byte) (head[g] >> 8);
            out[2 * g + 1] = (byte) head[g];
        }
        int end = v4 == null ? 16 : 12;
        for (int g = 0; g < tailCount; g++) {
            int at = end - 2 * (tailCount - g);
            out[at] = (byte) (tail[g] >> 8);
            out[at + 1] = (byte) tail[g];
        }
        if (v4 != null) {
            System.arraycopy(v4, 0, out, 12, 4);
        }
        return out;
    }

    /** Parses colon-separated hex groups into {@code out}; the count, or -1 when malformed. */
    private static int groups(String s, int[] out, boolean required) {
        if (s.isEmpty()) {
            return required ? -1 : 0;
        }
        int count = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ':') {
                String group = s.substring(start, i);
                if (group.isEmpty() || group.length() > 4 || count >= 8) {
                    return -1;
                }
                int value = 0;
                for (int k = 0; k < group.length(); k++) {
                    char c = group.charAt(k);
                    int digit = c < 128 ? Character.digit(c, 16) : -1;
                    if (digit < 0) {
                        return -1;
                    }
                    value = value * 16 + digit;
                }
                out[count++] = value;
                start = i + 1;
            }
        }
        return count;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
