package io.tastemaker.security.kms;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** A SecureRandom that replays from a seed (SHA1PRNG seeded before its first use), for tests. */
final class Seeded {

    private Seeded() {
    }

    static SecureRandom random(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
