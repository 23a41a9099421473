package io.tastemaker.security.config;

import io.tastemaker.security.crypto.MasterKeyFile;
import io.tastemaker.security.crypto.SecretBox;
import io.tastemaker.security.iam.SignInLockout;
import io.tastemaker.security.kms.KmsArns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security configuration and the objects made from it.
 *
 * <ul>
 *   <li>{@code tastemaker.master.key} (env {@code TASTEMAKER_MASTER_KEY}, optional): the server's
 *       root key, 32 bytes in base64. When absent, the key is read from
 *       {@code <data dir>/master.key}, which is created on first start with mode 0600.</li>
 *   <li>{@code tastemaker.data.dir} (default {@code ./data}): where that file lives.</li>
 *   <li>{@code tastemaker.partition} (default {@code aws}) and {@code tastemaker.region} (default
 *       {@code us-east-1}): the partition and region of KMS key ARNs, the same keys the domain
 *       reads for Personalize's ARNs (and checks at start-up).</li>
 *   <li>{@code tastemaker.signin.max.failures} (env {@code TASTEMAKER_SIGNIN_MAX_FAILURES},
 *       default 5, 1 to 100): failed console sign-ins in a row that lock a user.</li>
 *   <li>{@code tastemaker.signin.lockout.seconds} (env {@code TASTEMAKER_SIGNIN_LOCKOUT_SECONDS},
 *       default 900, 1 to 86,400): how long such a lock lasts ({@link SignInLockout}).</li>
 * </ul>
 * A value out of range stops the application at start-up with a message naming the key.
 * Time comes from the {@link Clock} produced here, so that tests and jobs can be given another.
 */
@ApplicationScoped
public class SecuritySettings {

    @Inject
    @ConfigProperty(name = "tastemaker.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tastemaker.master.key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "tastemaker.partition", defaultValue = "aws")
    String partition;

    @Inject
    @ConfigProperty(name = "tastemaker.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "tastemaker.signin.max.failures", defaultValue = "5")
    int signInMaxFailures;

    @Inject
    @ConfigProperty(name = "tastemaker.signin.lockout.seconds", defaultValue = "900")
    long signInLockoutSeconds;

    @Produces
    @Singleton
    SecretBox masterBox() {
        byte[] key = masterKey.filter(k -> !k.isBlank())
                .map(MasterKeyFile::fromBase64)
                .orElseGet(() -> MasterKeyFile.loadOrCreate(Path.of(dataDir).toAbsolutePath().resolve("master.key")));
        return new SecretBox(key);
    }

    @Produces
    @Singleton
    KmsArns kmsArns() {
        return new KmsArns(partition, region);
    }

    @Produces
    @Singleton
    SignInLockout signInLockout(Clock clock) {
        try {
            return new SignInLockout(signInMaxFailures, Duration.ofSeconds(signInLockoutSeconds), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tastemaker.signin.max.failures / tastemaker.signin.lockout.seconds: "
                    + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
