package io.tastemaker.security.iam;

import io.tastemaker.security.accesskey.AccessKeys;
import io.tastemaker.security.crypto.SecretBox;
import io.tastemaker.security.password.PasswordHasher;
import io.tastemaker.security.password.PasswordPolicy;
import io.tastemaker.security.policy.PolicyDocument;
import io.tastemaker.security.policy.ReadyMadePolicies;
import io.tastemaker.security.policy.ReadyMadePolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * IAM inside one account: users, their console passwords (login profiles) and access keys,
 * groups, customer managed policies, inline policies and attachments. Every method takes the
 * account id first and never reads or writes outside that account. Names and limits follow
 * IAM's service model; violations throw the IAM errors ({@link NoSuchEntityException}, ...).
 *
 * <p>Each change bumps {@link IamChanges}, so that the policies cached for authorisation and
 * the access keys cached for Signature Version 4 are read again.
 */
@Stateless
public class IamDirectory {

    /** IAM allows two access keys per user. */
    public static final int MAX_ACCESS_KEYS_PER_USER = 2;
    /** IAM's limit of managed policies attached to one user or group. */
    public static final int MAX_ATTACHED_POLICIES = 20;
    /** IAM's limit on a user's inline policy documents. */
    public static final int INLINE_POLICY_MAX_CHARACTERS = 2048;
    private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern GROUP_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");

    @PersistenceContext
    EntityManager em;
    @Inject
    SecretBox masterBox;
    @Inject
    Clock clock;
    @Inject
    IamChanges changes;
    @Inject
    @ConfigProperty(name = "tastemaker.partition", defaultValue = "aws")
    String partition;

    /** The creation date IAM shows for the ready-made policies, which ship with the server. */
    static final Instant READY_MADE_CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private final PasswordHasher hasher = new PasswordHasher();

    // ---- users ----------------------------------------------------------------------------

    public IamUser createUser(String accountId, String userName, String path) {
        requireName("UserName", userName, USER_NAME, 64);
        String p = path(path);
        if (findUser(accountId, userName).isPresent()) {
            throw new EntityAlreadyExistsException("User with name " + userName + " already exists.");
        }
        IamUser user = new IamUser(accountId, userName, p, IamIds.newId(IamIds.USER_PREFIX), null, clock.instant());
        em.persist(user);
        changes.bump();
        return user;
    }

    /**
     * Creates a user with, if given, a console password and managed policies, in one transaction:
     * if any part is refused (a bad name, an unknown policy, too many policies), nothing is
     * created. The API makes the same changes with CreateUser, CreateLoginProfile and
     * AttachUserPolicy; the console's form makes them at once.
     *
     * @param password   the console password, or null for none
     * @param policyArns managed policies to attach, possibly empty
     */
    public IamUser createUser(String accountId, String userName, String path, char[] password, List<String> policyArns) {
        IamUser user = createUser(accountId, userName, path);
        if (password != null) {
            createLoginProfile(accountId, userName, password);
        }
        for (String policyArn : policyArns) {
            attach(accountId, PolicyAttachment.USER, userName, policyArn);
        }
        return user;
    }

    public Optional<IamUser> findUser(String accountId, String userName) {
        return userName == null ? Optional.empty() : Optional.ofNullable(em.find(IamUser.class, new IamUser.Key(accountId, userName)));
    }

    public IamUser getUser(String accountId, String userName) {
        return findUser(accountId, userName).orElseThrow(() ->
                new NoSuchEntityException("The user with name " + userName + " cannot be found."));
    }

    public Page<IamUser> listUsers(String accountId, String pathPrefix, String marker, Integer maxItems) {
        List<IamUser> users = em.createQuery("select u from IamUser u where u.accountId = :a order by u.userName", IamUser.class)
                .setParameter("a", accountId).getResultList();
        String prefix = pathPrefix == null ? "/" : pathPrefix;
        return Page.of(users.stream().filter(u -> u.getPath().startsWith(prefix)).toList(), marker, maxItems);
    }

    /** Deletes a user that has no access keys, password, policies or group memberships left, as IAM requires. */
    public void deleteUser(String accountId, String userName) {
        IamUser user = getUser(accountId, userName);
        if (!accessKeys(accountId, userName).isEmpty()) {
            throw new DeleteConflictException("Cannot delete entity, must delete access keys first.");
        }
        if (user.getPasswordHash() != null) {
            throw new DeleteConflictException("Cannot delete entity, must delete login profile first.");
        }
        if (!attachedPolicies(accountId, PolicyAttachment.USER, userName).isEmpty()
                || !inlinePolicies(accountId, PolicyAttachment.USER, userName).isEmpty()) {
            throw new DeleteConflictException("Cannot delete entity, must detach all policies first.");
        }
        if (!groupsForUser(accountId, userName).isEmpty()) {
            throw new DeleteConflictException("Cannot delete entity, must remove users from group first.");
        }
        em.remove(user);
        changes.bump();
    }

    /**
     * Gives a user a console password (IAM's CreateLoginProfile), which must meet
     * {@link PasswordPolicy#DEFAULT} ({@link PasswordPolicyViolationException} otherwise).
     */
    public IamUser createLoginProfile(String accountId, String userName, char[] password) {
        IamUser user = getUser(accountId, userName);
        if (user.getPasswordHash() != null) {
            throw new EntityAlreadyExistsException("Login Profile for user " + userName + " already exists.");
        }
        PasswordPolicy.check(userName, CharBuffer.wrap(password));
        user.setPasswordHash(hasher.hash(password));
        changes.bump();
        return user;
    }

    public void deleteLoginProfile(String accountId, String userName) {
        IamUser user = getUser(accountId, userName);
        if (user.getPasswordHash() == null) {
            throw new NoSuchEntityException("Login Profile for User " + userName + " cannot be found.");
        }
        user.setPasswordHash(null);
        changes.bump();
    }

    public String userArn(IamUser user) {
        return arn(user.getAccountId(), "user", user.getPath(), user.getUserName());
    }

    /**
     * The ARN a request about the user of that name is authorised on: the user's own ARN (with its
     * path) if it exists, else the ARN such a user would have with path {@code /}.
     */
    public String userArn(String accountId, String userName) {
        return findUser(accountId, userName).map(this::userArn).orElseGet(() -> arn(accountId, "user", "/", userName));
    }

    /** An IAM ARN: {@code arn:<partition>:iam::<account>:<type><path><name>}, the path defaulting to {@code /}. */
    public String arn(String accountId, String type, String path, String name) {
        return "arn:" + partition + ":iam::" + accountId + ":" + type + (path == null ? "/" : path) + name;
    }

    // ---- access keys ----------------------------------------------------------------------

    /** Creates an access key; the returned secret is the only time it is seen. */
    public NewAccessKey createAccessKey(String accountId, String userName) {
        getUser(accountId, userName);
        if (accessKeys(accountId, userName).size() >= MAX_ACCESS_KEYS_PER_USER) {
            throw new LimitExceededException("Cannot exceed quota for AccessKeysPerUser: " + MAX_ACCESS_KEYS_PER_USER);
        }
        String keyId = AccessKeys.newAccessKeyId();
        String secret = AccessKeys.newSecretAccessKey();
        AccessKey key = new AccessKey(keyId, accountId, userName, Base64.getEncoder().encodeToString(
                masterBox.seal(secret.getBytes(StandardCharsets.UTF_8), IamService.aad(keyId))), IamService.ACTIVE, clock.instant());
        em.persist(key);
        changes.bump();
        return new NewAccessKey(key, secret);
    }

    public List<AccessKey> accessKeys(String accountId, String userName) {
        return em.createQuery("select k from AccessKey k where k.accountId = :a and k.userName = :u order by k.createdAt, k.accessKeyId",
                        AccessKey.class)
                .setParameter("a", accountId).setParameter("u", userName).getResultList();
    }

    public Page<AccessKey> listAccessKeys(String accountId, String userName, String marker, Integer maxItems) {
        getUser(accountId, userName);
        return Page.of(accessKeys(accountId, userName), marker, maxItems);
    }

    public void updateAccessKey(String accountId, String userName, String accessKeyId, String status) {
        if (!IamService.ACTIVE.equals(status) && !IamService.INACTIVE.equals(status)) {
            throw new InvalidInputException("Status must be Active or Inactive, not '" + status + "'.");
        }
        accessKey(accountId, userName, accessKeyId).setStatus(status);
        changes.bump();
    }

    public void deleteAccessKey(String accountId, String userName, String accessKeyId) {
        em.remove(accessKey(accountId, userName, accessKeyId));
        changes.bump();
    }

    /** The key of this account, whoever its user; for GetAccessKeyLastUsed. */
    public AccessKey accessKey(String accountId, String accessKeyId) {
        AccessKey key = accessKeyId == null ? null : em.find(AccessKey.class, accessKeyId);
        if (key == null || !key.getAccountId().equals(accountId)) {
            throw new NoSuchEntityException("The Access Key with id " + accessKeyId + " cannot be found.");
        }
        return key;
    }

    private AccessKey accessKey(String accountId, String userName, String accessKeyId) {
        getUser(accountId, userName);
        AccessKey key = accessKey(accountId, accessKeyId);
        if (!key.getUserName().equals(userName)) {
            throw new NoSuchEntityException("The Access Key with id " + accessKeyId + " cannot be found.");
        }
        return key;
    }

    // ---- managed policies -----------------------------------------------------------------

    public ManagedPolicy createPolicy(String accountId, String policyName, String path, String document, String description) {
        requireName("PolicyName", policyName, POLICY_NAME, 128);
        String p = path(path);
        if (description != null && description.length() > 1000) {
            throw new InvalidInputException("Description must be at most 1000 characters.");
        }
        PolicyDocument.parse(document);
        if (!em.createQuery("select p.arn from ManagedPolicy p where p.accountId = :a and p.policyName = :n", String.class)
                .setParameter("a", accountId).setParameter("n", policyName).getResultList().isEmpty()) {
            throw new EntityAlreadyExistsException("A policy called " + policyName + " already exists. Duplicate names are not allowed.");
        }
        ManagedPolicy policy = new ManagedPolicy(arn(accountId, "policy", p, policyName),
                accountId, policyName, p, description, document, clock.instant());
        em.persist(policy);
        changes.bump();
        return policy;
    }

    /** A policy this account may use: its own, or a ready-made one. */
    public PolicyView getPolicy(String accountId, String policyArn) {
        requireArn(policyArn);
        Optional<ReadyMadePolicy> readyMade = ReadyMadePolicies.byArn(policyArn);
        if (readyMade.isPresent()) {
            return PolicyView.of(readyMade.get(), attachmentCount(accountId, policyArn));
        }
        ManagedPolicy policy = em.find(ManagedPolicy.class, policyArn);
        if (policy == null || !policy.getAccountId().equals(accountId)) {
            throw new NoSuchEntityException("Policy " + policyArn + " does not exist or is not attachable.");
        }
        return PolicyView.of(policy, attachmentCount(accountId, policyArn));
    }

    /** Lists policies: {@code scope} All (default), AWS (the ready-made ones) or Local (the account's own). */
    public Page<PolicyView> listPolicies(String accountId, String scope, boolean onlyAttached, String pathPrefix,
                                         String marker, Integer maxItems) {
        String s = scope == null ? "All" : scope;
        if (!List.of("All", "AWS", "Local").contains(s)) {
            throw new InvalidInputException("Scope must be All, AWS or Local, not '" + scope + "'.");
        }
        List<PolicyView> all = new ArrayList<>();
        if (!"Local".equals(s)) {
            ReadyMadePolicies.all().forEach(r -> all.add(PolicyView.of(r, attachmentCount(accountId, r.arn()))));
        }
        if (!"AWS".equals(s)) {
            em.createQuery("select p from ManagedPolicy p where p.accountId = :a", ManagedPolicy.class)
                    .setParameter("a", accountId).getResultList()
                    .forEach(p -> all.add(PolicyView.of(p, attachmentCount(accountId, p.getArn()))));
        }
        String prefix = pathPrefix == null ? "/" : pathPrefix;
        return Page.of(all.stream().filter(p -> p.path().startsWith(prefix))
                .filter(p -> !onlyAttached || p.attachmentCount() > 0)
                .sorted(Comparator.comparing(PolicyView::policyName)).toList(), marker, maxItems);
    }

    public void deletePolicy(String accountId, String policyArn) {
        PolicyView policy = getPolicy(accountId, policyArn);
        if (policy.readyMade()) {
            throw new InvalidInputException("The ready-made policy " + policyArn + " cannot be deleted.");
        }
        if (policy.attachmentCount() > 0) {
            throw new DeleteConflictException("Cannot delete a policy attached to entities.");
        }
        em.remove(em.find(ManagedPolicy.class, policyArn));
        changes.bump();
    }

    private long attachmentCount(String accountId, String policyArn) {
        return em.createQuery("select count(a) from PolicyAttachment a where a.accountId = :a and a.policyArn = :p", Long.class)
                .setParameter("a", accountId).setParameter("p", policyArn).getSingleResult();
    }

    // ---- attachments and inline policies --------------------------------------------------

    /** Attaches a managed policy to a user or group ({@link PolicyAttachment#USER}, {@link PolicyAttachment#GROUP}). */
    public void attach(String accountId, String principalType, String principalName, String policyArn) {
        requirePrincipal(accountId, principalType, principalName);
        getPolicy(accountId, policyArn);
        if (attachedPolicies(accountId, principalType, principalName).stream().anyMatch(a -> a.getPolicyArn().equals(policyArn))) {
            return;
        }
        if (attachedPolicies(accountId, principalType, principalName).size() >= MAX_ATTACHED_POLICIES) {
            throw new LimitExceededException("Cannot exceed quota for PoliciesPerUser: " + MAX_ATTACHED_POLICIES);
        }
        em.persist(new PolicyAttachment(accountId, principalType, principalName, policyArn));
        changes.bump();
    }

    public void detach(String accountId, String principalType, String principalName, String policyArn) {
        requirePrincipal(accountId, principalType, principalName);
        requireArn(policyArn);
        PolicyAttachment attachment = attachedPolicies(accountId, principalType, principalName).stream()
                .filter(a -> a.getPolicyArn().equals(policyArn)).findFirst()
                .orElseThrow(() -> new NoSuchEntityException("Policy " + policyArn + " was not found."));
        em.remove(attachment);
        changes.bump();
    }

    public List<PolicyAttachment> attachedPolicies(String accountId, String principalType, String principalName) {
        return em.createQuery("select a from PolicyAttachment a where a.accountId = :a and a.principalType = :t "
                        + "and a.principalName = :n order by a.policyArn", PolicyAttachment.class)
                .setParameter("a", accountId).setParameter("t", principalType).setParameter("n", principalName).getResultList();
    }

    public Page<PolicyAttachment> listAttachedPolicies(String accountId, String principalType, String principalName,
                                                       String marker, Integer maxItems) {
        requirePrincipal(accountId, principalType, principalName);
        return Page.of(attachedPolicies(accountId, principalType, principalName), marker, maxItems);
    }

    /** Adds or replaces an inline policy of a user or group. */
    public void putInlinePolicy(String accountId, String principalType, String principalName, String policyName, String document) {
        requirePrincipal(accountId, principalType, principalName);
        requireName("PolicyName", policyName, POLICY_NAME, 128);
        PolicyDocument.parse(document, INLINE_POLICY_MAX_CHARACTERS);
        InlinePolicy existing = em.find(InlinePolicy.class, new InlinePolicy.Key(accountId, principalType, principalName, policyName));
        if (existing != null) {
            existing.setDocument(document);
        } else {
            em.persist(new InlinePolicy(accountId, principalType, principalName, policyName, document));
        }
        changes.bump();
    }

    public InlinePolicy inlinePolicy(String accountId, String principalType, String principalName, String policyName) {
        requirePrincipal(accountId, principalType, principalName);
        InlinePolicy policy = policyName == null ? null
                : em.find(InlinePolicy.class, new InlinePolicy.Key(accountId, principalType, principalName, policyName));
        if (policy == null) {
            throw new NoSuchEntityException("The " + principalType + " policy with name " + policyName + " cannot be found.");
        }
        return policy;
    }

    public List<InlinePolicy> inlinePolicies(String accountId, String principalType, String principalName) {
        return em.createQuery("select p from InlinePolicy p where p.accountId = :a and p.principalType = :t "
                        + "and p.principalName = :n order by p.policyName", InlinePolicy.class)
                .setParameter("a", accountId).setParameter("t", principalType).setParameter("n", principalName).getResultList();
    }

    public void deleteInlinePolicy(String accountId, String principalType, String principalName, String policyName) {
        em.remove(inlinePolicy(accountId, principalType, principalName, policyName));
        changes.bump();
    }

    // ---- groups ---------------------------------------------------------------------------

    public IamGroup createGroup(String accountId, String groupName, String path) {
        requireName("GroupName", groupName, GROUP_NAME, 128);
        String p = path(path);
        if (findGroup(accountId, groupName).isPresent()) {
            throw new EntityAlreadyExistsException("Group with name " + groupName + " already exists.");
        }
        IamGroup group = new IamGroup(accountId, groupName, p, clock.instant());
        em.persist(group);
        changes.bump();
        return group;
    }

    public Optional<IamGroup> findGroup(String accountId, String groupName) {
        return groupName == null ? Optional.empty() : Optional.ofNullable(em.find(IamGroup.class, new IamGroup.Key(accountId, groupName)));
    }

    public IamGroup getGroup(String accountId, String groupName) {
        return findGroup(accountId, groupName).orElseThrow(() ->
                new NoSuchEntityException("The group with name " + groupName + " cannot be found."));
    }

    public Page<IamGroup> listGroups(String accountId, String pathPrefix, String marker, Integer maxItems) {
        String prefix = pathPrefix == null ? "/" : pathPrefix;
        return Page.of(em.createQuery("select g from IamGroup g where g.accountId = :a order by g.groupName", IamGroup.class)
                .setParameter("a", accountId).getResultList().stream().filter(g -> g.getPath().startsWith(prefix)).toList(),
                marker, maxItems);
    }

    public List<IamUser> members(String accountId, String groupName) {
        getGroup(accountId, groupName);
        return em.createQuery("select u from IamUser u, GroupMember m where m.accountId = :a and m.groupName = :g "
                        + "and u.accountId = m.accountId and u.userName = m.userName order by u.userName", IamUser.class)
                .setParameter("a", accountId).setParameter("g", groupName).getResultList();
    }

    public List<IamGroup> groupsForUser(String accountId, String userName) {
        return em.createQuery("select g from IamGroup g, GroupMember m where m.accountId = :a and m.userName = :u "
                        + "and g.accountId = m.accountId and g.groupName = m.groupName order by g.groupName", IamGroup.class)
                .setParameter("a", accountId).setParameter("u", userName).getResultList();
    }

    public void addUserToGroup(String accountId, String groupName, String userName) {
        getGroup(accountId, groupName);
        getUser(accountId, userName);
        if (em.find(GroupMember.class, new GroupMember.Key(accountId, groupName, userName)) == null) {
            em.persist(new GroupMember(accountId, groupName, userName));
            changes.bump();
        }
    }

    public void removeUserFromGroup(String accountId, String groupName, String userName) {
        getGroup(accountId, groupName);
        getUser(accountId, userName);
        GroupMember member = em.find(GroupMember.class, new GroupMember.Key(accountId, groupName, userName));
        if (member == null) {
            throw new NoSuchEntityException("User " + userName + " is not in group " + groupName + ".");
        }
        em.remove(member);
        changes.bump();
    }

    public void deleteGroup(String accountId, String groupName) {
        IamGroup group = getGroup(accountId, groupName);
        if (!members(accountId, groupName).isEmpty()) {
            throw new DeleteConflictException("Cannot delete entity, must remove users from group first.");
        }
        if (!attachedPolicies(accountId, PolicyAttachment.GROUP, groupName).isEmpty()
                || !inlinePolicies(accountId, PolicyAttachment.GROUP, groupName).isEmpty()) {
            throw new DeleteConflictException("Cannot delete entity, must detach all policies first.");
        }
        em.remove(group);
        changes.bump();
    }

    public String groupArn(IamGroup group) {
        return arn(group.getAccountId(), "group", group.getPath(), group.getGroupName());
    }

    /** As {@link #userArn(String, String)}, for a group. */
    public String groupArn(String accountId, String groupName) {
        return findGroup(accountId, groupName).map(this::groupArn).orElseGet(() -> arn(accountId, "group", "/", groupName));
    }

    // ---- what applies to a user -----------------------------------------------------------

    /**
     * Every policy document that applies to a user, each with a name for messages: managed and
     * inline policies of the user and of each of its groups. Empty if the user does not exist.
     */
    public List<PolicyDocument> effectivePolicies(String accountId, String userName) {
        List<PolicyDocument> out = new ArrayList<>();
        if (findUser(accountId, userName).isEmpty()) {
            return out;
        }
        collect(accountId, PolicyAttachment.USER, userName, out);
        for (IamGroup group : groupsForUser(accountId, userName)) {
            collect(accountId, PolicyAttachment.GROUP, group.getGroupName(), out);
        }
        return out;
    }

    private void collect(String accountId, String principalType, String principalName, List<PolicyDocument> out) {
        for (PolicyAttachment attachment : attachedPolicies(accountId, principalType, principalName)) {
            Optional<ReadyMadePolicy> readyMade = ReadyMadePolicies.byArn(attachment.getPolicyArn());
            if (readyMade.isPresent()) {
                out.add(readyMade.get().document());
            } else {
                ManagedPolicy policy = em.find(ManagedPolicy.class, attachment.getPolicyArn());
                if (policy != null) {
                    out.add(PolicyDocument.parse(policy.getDocument()).named(policy.getArn()));
                }
            }
        }
        for (InlinePolicy inline : inlinePolicies(accountId, principalType, principalName)) {
            out.add(PolicyDocument.parse(inline.getDocument(), INLINE_POLICY_MAX_CHARACTERS)
                    .named(principalType + "/" + principalName + "/" + inline.getPolicyName()));
        }
    }

    // ---- checks ---------------------------------------------------------------------------

    private void requirePrincipal(String accountId, String principalType, String principalName) {
        if (PolicyAttachment.USER.equals(principalType)) {
            getUser(accountId, principalName);
        } else if (PolicyAttachment.GROUP.equals(principalType)) {
            getGroup(accountId, principalName);
        } else {
            throw new IllegalArgumentException("principalType " + principalType);
        }
    }

    /** Refuses a user name that IAM would refuse (1 to 64 of letters, digits and {@code +=,.@_-}); {@code member} names the field. */
    static void requireUserName(String member, String value) {
        requireName(member, value, USER_NAME, 64);
    }

    private static void requireName(String member, String value, Pattern pattern, int max) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(member + " is required.");
        }
        if (value.length() > max) {
            throw new InvalidInputException(member + " must be at most " + max + " characters.");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(member + " may contain only letters, digits and +=,.@_-, not '" + value + "'.");
        }
    }

    private static String path(String path) {
        if (path == null) {
            return "/";
        }
        if (!PATH.matcher(path).matches()) {
            throw new InvalidInputException("Path must be / or begin and end with /, with printable ASCII between, not '" + path + "'.");
        }
        return path;
    }

    private static void requireArn(String arn) {
        if (arn == null || arn.length() < 20 || arn.length() > 2048 || !arn.startsWith("arn:")) {
            throw new InvalidInputException("ARN " + arn + " is not valid.");
        }
    }

    /** A new access key with its secret, shown once. */
    public record NewAccessKey(AccessKey key, String secretAccessKey) {
        @Override
        public String toString() {
            return "NewAccessKey[" + key.getAccessKeyId() + "]";
        }
    }

    /** A managed policy, customer's or ready-made, as GetPolicy and ListPolicies describe it. */
    public record PolicyView(String arn, String policyName, String policyId, String path, String description,
                             String document, long attachmentCount, boolean readyMade, Instant createdAt, Instant updatedAt) {

        static PolicyView of(ManagedPolicy p, long attachments) {
            return new PolicyView(p.getArn(), p.getPolicyName(), p.getPolicyId(), p.getPath(), p.getDescription(),
                    p.getDocument(), attachments, false, p.getCreatedAt(), p.getUpdatedAt());
        }

        static PolicyView of(ReadyMadePolicy r, long attachments) {
            return new PolicyView(r.arn(), r.name(), readyMadeId(r), "/", r.description(), r.json(), attachments, true,
                    READY_MADE_CREATED, READY_MADE_CREATED);
        }

        /** A ready-made policy's id is derived from its name, so that it is the same on every server. */
        private static String readyMadeId(ReadyMadePolicy r) {
            String digits = Integer.toUnsignedString(r.name().hashCode(), 32).toUpperCase(java.util.Locale.ROOT);
            return IamIds.POLICY_PREFIX + ("ZZZZZZZZZZZZZZZZZ" + digits).substring(digits.length());
        }
    }
}
