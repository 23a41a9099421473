package io.tastemaker.security.iam;

import java.security.SecureRandom;

/** IAM's unique ids: a four-letter prefix by entity type and 17 random upper-case letters and digits. */
final class IamIds {

    static final String USER_PREFIX = "AIDA";
    static final String GROUP_PREFIX = "AGPA";
    static final String POLICY_PREFIX = "ANPA";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
