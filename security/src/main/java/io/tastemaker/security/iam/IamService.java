package io.tastemaker.security.iam;

import io.tastemaker.security.accesskey.AccessKeys;
import io.tastemaker.security.crypto.SecretBox;
import io.tastemaker.security.password.PasswordHasher;
import io.tastemaker.security.password.PasswordPolicy;
import io.tastemaker.security.sigv4.Credential;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Accounts, users and access keys: creating the operator account on first start, looking up
 * the secret of an access key for Signature Version 4, and checking console passwords.
 */
@Stateless
public class IamService {

    public static final String ACTIVE = "Active";
    public static final String INACTIVE = "Inactive";
    public static final String SUSPENDED = "Suspended";
    /** The ready-made policy every account's first user gets: everything within the account. */
    public static final String ACCOUNT_ADMIN_POLICY = "arn:aws:iam::aws:policy/TastemakerAccountAdmin";
    private static final java.util.regex.Pattern ACCOUNT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,63}");
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    private static final Logger LOG = Logger.getLogger(IamService.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    SecretBox masterBox;
    @Inject
    Clock clock;
    @Inject
    IamChanges changes;
    @Inject
    SignInLockout signInLockout;

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
        return createAccount(accountName, adminUser, password, accessKeyId, secretAccessKey, false);
    }

    /** Creates the operator's account, the one that manages the others; on first start only. */
    public NewAccount createOperatorAccount(String accountName, String adminUser, String password,
                                            String accessKeyId, String secretAccessKey) {
        return createAccount(accountName, adminUser, password, accessKeyId, secretAccessKey, true);
    }

    private NewAccount createAccount(String accountName, String adminUser, String password,
                                     String accessKeyId, String secretAccessKey, boolean operator) {
        if (accountName == null || !ACCOUNT_NAME.matcher(accountName).matches()) {
            throw new InvalidInputException("An account name is 1 to 63 letters, digits, '-' or '_', not '" + accountName + "'.");
        }
        IamDirectory.requireUserName("The administrator's user name", adminUser);
        if (accountNameTaken(accountName)) {
            throw new EntityAlreadyExistsException("An account named " + accountName + " already exists.");
        }
        if (accessKeyId != null || secretAccessKey != null) {
            if (accessKeyId == null || secretAccessKey == null) {
                throw new InvalidInputException("Give both the access key id and the secret access key, or neither.");
            }
            AccessKeys.requireValidId(accessKeyId);
            AccessKeys.requireValidSecret(secretAccessKey);
            if (em.find(AccessKey.class, accessKeyId) != null) {
                throw new EntityAlreadyExistsException("The access key id " + accessKeyId + " is already in use.");
            }
        }
        if (password != null) {
            PasswordPolicy.check(adminUser, password);
        }
        Instant now = clock.instant();
        String accountId = newAccountId();
        em.persist(new Account(accountId, accountName, ACTIVE, now, operator));
        String pwd = password != null ? password : generatePassword(adminUser);
        em.persist(new IamUser(accountId, adminUser, hasher.hash(pwd.toCharArray()), now));
        em.flush();
        em.persist(new PolicyAttachment(accountId, PolicyAttachment.USER, adminUser, ACCOUNT_ADMIN_POLICY));
        String keyId = accessKeyId != null ? accessKeyId : AccessKeys.newAccessKeyId();
        String secret = secretAccessKey != null ? secretAccessKey : AccessKeys.newSecretAccessKey();
        em.persist(new AccessKey(keyId, accountId, adminUser, seal(keyId, secret), ACTIVE, now));
        em.flush();
        return new NewAccount(accountId, accountName, adminUser, password == null ? pwd : null, keyId, secret);
    }

    public boolean accountNameTaken(String accountName) {
        return !em.createQuery("select a.accountId from Account a where a.name = :n", String.class)
                .setParameter("n", accountName).setMaxResults(1).getResultList().isEmpty();
    }

    /** Every account, oldest first. */
    public List<Account> listAccounts() {
        return em.createQuery("select a from Account a order by a.createdAt, a.accountId", Account.class).getResultList();
    }

    public Optional<Account> findAccount(String accountId) {
        return Optional.ofNullable(accountId == null ? null : em.find(Account.class, accountId));
    }

    /**
     * True if the account is the operator's. Runs outside the caller's transaction: an import's
     * chunk asks it inside a batch transaction that already holds a non-XA connection.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public boolean isOperator(String accountId) {
        return findAccount(accountId).map(Account::isOperator).orElse(false);
    }

    /**
     * Suspends an account (its keys and console sign-ins stop working at once) or makes it active
     * again. The operator's own account cannot be suspended.
     */
    public Account setAccountStatus(String accountId, String status) {
        if (!ACTIVE.equals(status) && !SUSPENDED.equals(status)) {
            throw new InvalidInputException("An account's status is " + ACTIVE + " or " + SUSPENDED + ", not " + status + ".");
        }
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NoSuchEntityException("No account has the id " + accountId + ".");
        }
        if (account.isOperator() && SUSPENDED.equals(status)) {
            throw new InvalidInputException("The operator's account cannot be suspended.");
        }
        account.setStatus(status);
        changes.bump();
        return account;
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

    /** Stamps an access key's last use (GetAccessKeyLastUsed). */
    public void recordUse(String accessKeyId, Instant when) {
        AccessKey key = em.find(AccessKey.class, accessKeyId);
        if (key != null) {
            key.setLastUsedAt(when);
        }
    }

    /**
     * Checks a console sign-in; the account may be given by id or by name. Every refusal looks
     * the same to the caller (an empty answer, after one password hash): a wrong password, an
     * unknown account or user, a suspended account and a user locked by {@link SignInLockout}
     * after too many failures. A locked user is refused even with the right password until the
     * lock runs out; a success sets the failure count back to zero.
     */
    public Optional<SignedIn> signIn(String account, String userName, char[] password) {
        List<Account> accounts = em.createQuery(
                        "select a from Account a where a.accountId = :v or a.name = :v", Account.class)
                .setParameter("v", account == null ? "" : account.trim())
                .getResultList();
        boolean checked = false;
        for (Account a : accounts) {
            // The row stays locked until the transaction ends, so parallel guesses are counted one by one.
            IamUser user = em.find(IamUser.class, new IamUser.Key(a.getAccountId(), userName), LockModeType.PESSIMISTIC_WRITE);
            if (user != null && user.getPasswordHash() != null) {
                checked = true;
                boolean locked = signInLockout.isLocked(user);
                boolean matches = hasher.verify(password, user.getPasswordHash());
                if (locked) {
                    continue;
                }
                if (!matches) {
                    recordFailedSignIn(a, user);
                } else if (ACTIVE.equals(a.getStatus())) {
                    signInLockout.recordSuccess(user);
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

    private void recordFailedSignIn(Account account, IamUser user) {
        if (signInLockout.recordFailure(user)) {
            LOG.warning(() -> "Console user " + user.getUserName() + " of account " + account.getAccountId()
                    + " is locked until " + user.getLockedUntil() + " after " + signInLockout.maxFailures()
                    + " failed sign-ins in a row.");
        }
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
    static byte[] aad(String accessKeyId) {
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

    /** A password that meets {@link PasswordPolicy#DEFAULT}, for a user whose password nobody chose. */
    private String generatePassword(String userName) {
        return PasswordPolicy.DEFAULT.generate(userName, random, GENERATED_PASSWORD_LENGTH);
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
