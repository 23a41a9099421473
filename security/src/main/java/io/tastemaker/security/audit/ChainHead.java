package io.tastemaker.security.audit;

import java.util.Objects;

/**
 * The newest record of a chain, which the next one links to: its sequence number and hash. An
 * empty chain's head is {@link #GENESIS}: sequence 0 and 64 zeros.
 */
public record ChainHead(long seq, String hash) {

    /** The head of a chain that has no record yet. */
    public static final ChainHead GENESIS = new ChainHead(0, "0".repeat(64));

    public ChainHead {
        Objects.requireNonNull(hash, "hash");
    }
}
