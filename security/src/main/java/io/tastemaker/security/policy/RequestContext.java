package io.tastemaker.security.policy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a request asks for, as the policy evaluator sees it: the action
 * ({@code personalize:CreateCampaign}), the ARNs of the resources it acts on, and the condition
 * context keys ({@code aws:SourceIp}, {@code aws:CurrentTime}, {@code aws:username}, ...).
 *
 * <p>Context keys are case-insensitive ({@code aws:sourceip} is {@code aws:SourceIp}); their
 * values are case-sensitive strings, one or several per key (a multivalued key). A key given no
 * value is absent. A request without a resource (an action without resource-level permissions,
 * such as {@code kms:ListKeys}) is checked against the resource {@code *}, which only a
 * {@code "Resource": "*"} statement covers, as in AWS.
 *
 * <p>Nothing is filled in implicitly: the caller states the time ({@link Builder#currentTime},
 * from its injected {@code Clock}), the source address and the principal. Immutable and
 * thread-safe.
 */
public final class RequestContext {

    /** The caller's IP address (IPv4 or IPv6); compared with {@code IpAddress}/{@code NotIpAddress}. */
    public static final String SOURCE_IP = "aws:SourceIp";
    /** The request time, ISO 8601; compared with the {@code Date*} operators. */
    public static final String CURRENT_TIME = "aws:CurrentTime";
    /** The request time in epoch seconds; compared with the {@code Date*} or {@code Numeric*} operators. */
    public static final String EPOCH_TIME = "aws:EpochTime";
    /** Whether the request came over TLS ({@code true}/{@code false}); compared with {@code Bool}. */
    public static final String SECURE_TRANSPORT = "aws:SecureTransport";
    /** The IAM user's friendly name; also the policy variable {@code ${aws:username}}. */
    public static final String USERNAME = "aws:username";
    /** The principal's unique id ({@code AIDA...} for a user). */
    public static final String USER_ID = "aws:userid";
    /** The principal's ARN. */
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    /** The account id of the principal. */
    public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    /** The caller's {@code User-Agent}. */
    public static final String USER_AGENT = "aws:UserAgent";

    /** The resource a request without resources is checked against. */
    static final String NO_RESOURCE = "*";

    private final String action;
    private final String actionLowerCase;
    private final List<String> resources;
    private final int[][] resourceColons;
    private final Map<String, List<String>> values;
    private final Map<String, String> keyNames;

    private RequestContext(Builder builder) {
        this.action = builder.action;
        this.actionLowerCase = builder.action.toLowerCase(Locale.ROOT);
        List<String> checked = builder.resources.isEmpty() ? List.of(NO_RESOURCE) : List.copyOf(builder.resources);
        this.resources = checked;
        this.resourceColons = new int[checked.size()][];
        for (int i = 0; i < checked.size(); i++) {
            resourceColons[i] = ArnMatcher.separators(checked.get(i));
        }
        Map<String, List<String>> copy = new HashMap<>();
        builder.values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        this.values = Collections.unmodifiableMap(copy);
        this.keyNames = Map.copyOf(builder.keyNames);
    }

    /** A request for {@code action}, e.g. {@code personalize:CreateCampaign}. */
    public static Builder builder(String action) {
        return new Builder(action);
    }

    /** The action, as given. */
    public String action() {
        return action;
    }

    String actionLowerCase() {
        return actionLowerCase;
    }

    /** The resources the request acts on; {@code ["*"]} when it named none. */
    public List<String> resources() {
        return resources;
    }

    int[] resourceColons(int index) {
        return resourceColons[index];
    }

    /** The values of a context key (case-insensitive); empty when the key is absent. */
    public List<String> values(String key) {
        List<String> list = values.get(key.toLowerCase(Locale.ROOT));
        return list == null ? List.of() : list;
    }

    /** Values by lower-cased key, for the evaluator. */
    List<String> valuesOfLowerCaseKey(String lowerCaseKey) {
        List<String> list = values.get(lowerCaseKey);
        return list == null ? List.of() : list;
    }

    /** The value a policy variable takes: the key's only value, or null when absent or multivalued. */
    String variable(String lowerCaseKey) {
        List<String> list = values.get(lowerCaseKey);
        return list != null && list.size() == 1 ? list.get(0) : null;
    }

    /** The context keys with their values, keys spelled as first given. */
    public Map<String, List<String>> keys() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        keyNames.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getValue(), values.get(e.getKey())));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return action + " on " + resources + " with " + keys();
    }

    /** Builds a {@link RequestContext}; not thread-safe. */
    public static final class Builder {

        private final String action;
        private final List<String> resources = new ArrayList<>();
        private final Map<String, List<String>> values = new HashMap<>();
        private final Map<String, String> keyNames = new HashMap<>();

        private Builder(String action) {
            Objects.requireNonNull(action, "action");
            if (action.isBlank()) {
                throw new IllegalArgumentException("A request needs an action, e.g. personalize:CreateCampaign");
            }
            this.action = action;
        }

        /** Adds resources the request acts on (ARNs). */
        public Builder resource(String... arns) {
            for (String arn : arns) {
                resources.add(Objects.requireNonNull(arn, "resource"));
            }
            return this;
        }

        /** Adds resources the request acts on (ARNs). */
        public Builder resources(Collection<String> arns) {
            arns.forEach(this::resource);
            return this;
        }

        /**
         * Sets a context key (case-insensitive) to the given values, replacing earlier ones; no
         * value removes the key.
         */
        public Builder key(String key, String... keyValues) {
            return key(key, List.of(keyValues));
        }

        /** Sets a context key (case-insensitive) to the given values; an empty list removes it. */
        public Builder key(String key, Collection<String> keyValues) {
            Objects.requireNonNull(key, "key");
            String lower = key.toLowerCase(Locale.ROOT);
            if (keyValues.isEmpty()) {
                values.remove(lower);
                keyNames.remove(lower);
            } else {
                List<String> list = new ArrayList<>(keyValues.size());
                for (String value : keyValues) {
                    list.add(Objects.requireNonNull(value, "value of " + key));
                }
                values.put(lower, list);
                keyNames.put(lower, key);
            }
            return this;
        }

        /** {@code aws:CurrentTime} (ISO 8601, UTC) and {@code aws:EpochTime}. */
        public Builder currentTime(Instant now) {
            key(CURRENT_TIME, DateTimeFormatter.ISO_INSTANT.format(now));
            return key(EPOCH_TIME, Long.toString(now.getEpochSecond()));
        }

        /** {@code aws:SourceIp}. */
        public Builder sourceIp(String address) {
            return key(SOURCE_IP, address);
        }

        /** {@code aws:SecureTransport}. */
        public Builder secureTransport(boolean secure) {
            return key(SECURE_TRANSPORT, Boolean.toString(secure));
        }

        /** {@code aws:username}. */
        public Builder username(String name) {
            return key(USERNAME, name);
        }

        /** {@code aws:userid}. */
        public Builder userId(String id) {
            return key(USER_ID, id);
        }

        /** {@code aws:PrincipalArn}. */
        public Builder principalArn(String arn) {
            return key(PRINCIPAL_ARN, arn);
        }

        /** {@code aws:PrincipalAccount}. */
        public Builder principalAccount(String accountId) {
            return key(PRINCIPAL_ACCOUNT, accountId);
        }

        /** {@code aws:UserAgent}. */
        public Builder userAgent(String userAgent) {
            return key(USER_AGENT, userAgent);
        }

        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
