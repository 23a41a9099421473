package io.tastemaker.web.startup;

import io.tastemaker.domain.common.Settings;
import io.tastemaker.security.iam.IamService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start (no account yet), creates the operator account with an {@code admin} user
 * and one access key. The credentials come from {@code TASTEMAKER_ADMIN_ACCESS_KEY_ID},
 * {@code TASTEMAKER_ADMIN_SECRET_ACCESS_KEY} and {@code TASTEMAKER_ADMIN_PASSWORD} when set, and
 * are generated otherwise (a given password must meet IAM's password policy, or the first start
 * stops with its {@code PasswordPolicyViolation} message). Generated secrets never go to the log: they are written once to
 * {@code <data dir>/first-start-credentials.txt} (mode 0600), which the {@code tastemaker}
 * launcher prints and deletes.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());
    static final String CREDENTIALS_FILE = "first-start-credentials.txt";

    @Inject
    IamService iam;
    @Inject
    Settings settings;
    @Inject
    @ConfigProperty(name = "tastemaker.admin.access.key.id")
    Optional<String> accessKeyId;
    @Inject
    @ConfigProperty(name = "tastemaker.admin.secret.access.key")
    Optional<String> secretAccessKey;
    @Inject
    @ConfigProperty(name = "tastemaker.admin.password")
    Optional<String> password;

    @PostConstruct
    void createOperatorAccount() {
        if (iam.hasAccounts()) {
            return;
        }
        var account = iam.createOperatorAccount("operator", "admin", password.filter(p -> !p.isBlank()).orElse(null),
                accessKeyId.filter(k -> !k.isBlank()).orElse(null), secretAccessKey.filter(s -> !s.isBlank()).orElse(null));
        LOG.info(() -> "First start: created the operator account " + account.accountId() + " with user admin and access key "
                + account.accessKeyId() + ".");
        StringBuilder text = new StringBuilder()
                .append("account id:        ").append(account.accountId()).append('\n')
                .append("account name:      ").append(account.accountName()).append('\n')
                .append("console user:      ").append(account.userName()).append('\n')
                .append("console password:  ").append(account.password() == null ? "(as given in TASTEMAKER_ADMIN_PASSWORD)"
                        : account.password()).append('\n')
                .append("access key id:     ").append(account.accessKeyId()).append('\n')
                .append("secret access key: ").append(secretAccessKey.filter(s -> !s.isBlank()).isPresent()
                        ? "(as given in TASTEMAKER_ADMIN_SECRET_ACCESS_KEY)" : account.secretAccessKey()).append('\n');
        writePrivately(settings.dataDir().resolve(CREDENTIALS_FILE), text.toString());
    }

    private static void writePrivately(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
