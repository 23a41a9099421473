package io.tastemaker.security.iam;

import io.tastemaker.security.accesskey.AccessKeys;
import io.tastemaker.security.crypto.SecretBox;
import io.tastemaker.security.password.PasswordHasher;
import io.tastemaker.security.sigv4.Credential;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, users and access keys: creating the operator account on first start, looking up
 * the secret of an access key for Signature Version 4, and checking console passwords.
 */
@Stateless
public class IamService {

    public static final String ACTIVE = "Active";
    public static final String INACTIVE = "Inactive";
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext
    EntityManager em;
    @Inject
    SecretBox masterBox;
    @Inject
    Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();
    private final SecureRandom random = new SecureRandom();
    private volatile String decoy;

    public boolean hasAccounts() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult() > 0;
    }

    /**
     * Creates an account with one administrator and one access key. Values left null are
     * generated; the returned record is the only place the password and secret appear.
     */
    public NewAccount createAccount(String accountName, String adminUser, String password,
                                    String accessKeyId, String secretAccessKey) {
        if (accessKeyId != null || secretAccessKey != null) {
            if (accessKeyId == null || secretAccessKey == null) {
                throw new IllegalArgumentException("Give both the access key id and the secret access key, or neither.");
            }
            AccessKeys.requireValidId(accessKeyId);
            AccessKeys.requireValidSecret(secretAccessKey);
            if (em.find(AccessKey.class, accessKeyId) != null) {
                throw new IllegalArgumentException("The access key id " + accessKeyId + " is already in use.");
            }
        }
        Instant now = clock.instant();
        String accountId = newAccountId();
        em.persist(new Account(accountId, accountName, ACTIVE, now));
        String pwd = password != null ? password : generatePassword();
        em.persist(new IamUser(accountId, adminUser, hasher.hash(pwd.toCharArray()), now));
        em.flush();
        String keyId = accessKeyId != null ? accessKeyId : AccessKeys.newAccessKeyId();
        String secret = secretAccessKey != null ? secretAccessKey : AccessKeys.newSecretAccessKey();
        em.persist(new AccessKey(keyId, accountId, adminUser, seal(keyId, secret), ACTIVE, now));
        em.flush();
        return new NewAccount(accountId, accountName, adminUser, password == null ? pwd : null, keyId, secret);
    }

    /** The signing credential of an access key, for Signature Version 4; empty if unknown. */
    public Optional<Credential> findCredential(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() > 128) {
            return Optional.empty();
        }
        AccessKey key = em.find(AccessKey.class, accessKeyId);
        if (key == null) {
            return Optional.empty();
        }
        Account account = em.find(Account.class, key.getAccountId());
        boolean active = ACTIVE.equals(key.getStatus()) && account != null && ACTIVE.equals(account.getStatus());
        String secret = new String(masterBox.open(
                java.util.Base64.getDecoder().decode(key.getSecretSealed()), aad(accessKeyId)), StandardCharsets.UTF_8);
        return Optional.of(new Credential(accessKeyId, secret, key.getAccountId(), key.getUserName(), active));
    }

    /** Checks a console sign-in; the account may be given by id or by name. */
    public Optional<SignedIn> signIn(String account, String userName, char[] password) {
        List<Account> accounts = em.createQuery(
                        "select a from Account a where a.accountId = :v or a.name = :v", Account.class)
                .setParameter("v", account == null ? "" : account.trim())
                .getResultList();
        boolean checked = false;
        for (Account a : accounts) {
            IamUser user = em.find(IamUser.class, new IamUser.Key(a.getAccountId(), userName));
            if (user != null && user.getPasswordHash() != null) {
                checked = true;
                if (hasher.verify(password, user.getPasswordHash()) && ACTIVE.equals(a.getStatus())) {
                    return Optional.of(new SignedIn(a.getAccountId(), a.getName(), userName));
                }
            }
        }
        // Spend the same time on unknown accounts and users, so that timing does not tell who exists.
        if (!checked) {
            hasher.verify(password, decoyHash());
        }
        return Optional.empty();
    }

    private String decoyHash() {
        String hash = decoy;
        if (hash == null) {
            hash = hasher.hash("decoy".toCharArray());
            decoy = hash;
        }
        return hash;
    }

    private String seal(String accessKeyId, String secret) {
        return java.util.Base64.getEncoder().encodeToString(
                masterBox.seal(secret.getBytes(StandardCharsets.UTF_8), aad(accessKeyId)));
    }

    /** Binds each sealed secret to its key id, so that sealed values cannot be swapped between rows. */
    private static byte[] aad(String accessKeyId) {
        return ("access-key:" + accessKeyId).getBytes(StandardCharsets.UTF_8);
    }

    private String newAccountId() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder id = new StringBuilder(12);
            id.append(1 + random.nextInt(9));
            for (int i = 1; i < 12; i++) {
                id.append(random.nextInt(10));
            }
            if (em.find(Account.class, id.toString()) == null) {
                return id.toString();
            }
        }
        throw new IllegalStateException("Could not find a free account id.");
    }

    private String generatePassword() {
        StringBuilder out = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    /** A new account's credentials, shown once. {@code password} is null when the caller chose it. */
    public record NewAccount(String accountId, String accountName, String userName, String password,
                             String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "NewAccount[" + accountId + ", " + accountName + ", " + userName + ", " + accessKeyId + "]";
        }
    }

    /** A user signed in to the console. */
    public record SignedIn(String accountId, String accountName, String userName) {
    }
}
