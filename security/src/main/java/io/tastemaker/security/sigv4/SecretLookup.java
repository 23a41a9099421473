package io.tastemaker.security.sigv4;

import java.util.Optional;

/** Finds the credential an access key id belongs to; IAM's store implements it. */
@FunctionalInterface
public interface SecretLookup {

    /**
     * Looks an access key up.
     *
     * @param accessKeyId the id from the request's credential scope, as sent
     * @return the credential, active or not; empty when no such key exists
     */
    Optional<Credential> find(String accessKeyId);
}
