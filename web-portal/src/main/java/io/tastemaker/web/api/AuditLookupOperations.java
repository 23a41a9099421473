package io.tastemaker.web.api;

import io.tastemaker.security.audit.AuditPage;
import io.tastemaker.security.audit.AuditQuery;
import io.tastemaker.security.audit.AuditQueryException;
import io.tastemaker.security.audit.AuditRecord;
import io.tastemaker.security.audit.AuditStore;
import io.tastemaker.security.audit.AuditTrail;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudTrail's {@code LookupEvents} over the audit trail ({@code X-Amz-Target:
 * com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}, signed for
 * {@code cloudtrail}), so that {@code aws cloudtrail lookup-events} and the SDKs' CloudTrail
 * clients read it. An account reads its own records; the operator's account reads every
 * account's. Newest first, as CloudTrail answers.
 *
 * <p>Lookup attributes (at most one, as in CloudTrail): {@code EventId}, {@code EventName} (the
 * operation, e.g. {@code CreateCampaign}), {@code Username}, {@code ResourceName} (a text the ARN
 * contains), {@code EventSource} ({@code personalize.amazonaws.com}, {@code kms.amazonaws.com},
 * ...) and {@code AccessKeyId}. {@code ReadOnly} and {@code ResourceType} are refused, as are
 * event categories other than {@code Management}.
 */
@ApplicationScoped
public class AuditLookupOperations implements OperationGroup {

    static final int MAX_RESULTS = 50;
    private static final Duration FRESHNESS = Duration.ofSeconds(2);
    private static final Set<String> READ_PREFIXES = Set.of("Describe", "List", "Get", "Lookup");

    @Inject
    Caller caller;
    @Inject
    AuditStore store;
    @Inject
    AuditTrail trail;

    @Override
    public ApiService service() {
        return ApiService.CLOUDTRAIL;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of("LookupEvents", this::lookupEvents);
    }

    private JsonOut lookupEvents(JsonIn r) {
        AuditQuery query = query(r);
        Integer max = r.integer("MaxResults");
        if (max != null && (max < 1 || max > MAX_RESULTS)) {
            throw new AuditQueryException("InvalidMaxResultsException", "MaxResults is 1 to " + MAX_RESULTS + ", not " + max + ".");
        }
        int limit = max == null ? MAX_RESULTS : max;
        String listKey = Integer.toHexString(query.hashCode());
        int offset = offset(r.string("NextToken"), listKey);
        trail.awaitWritten(FRESHNESS);
        AuditPage page = store.search(caller.accountId(), query, offset, limit);
        JsonOut out = JsonOut.object().list("Events", page.records(), AuditLookupOperations::event);
        if (offset + page.records().size() < page.total()) {
            out.put("NextToken", token(listKey, offset + page.records().size()));
        }
        return out;
    }

    private static AuditQuery query(JsonIn r) {
        String category = r.string("EventCategory");
        if (category != null && !"Management".equals(category)) {
            throw new AuditQueryException("InvalidEventCategoryException", "This server records management events only.");
        }
        Instant from = r.timestamp("StartTime");
        Instant to = r.timestamp("EndTime");
        if (from != null && to != null && from.isAfter(to)) {
            throw new AuditQueryException("InvalidTimeRangeException", "StartTime must not be after EndTime.");
        }
        Instant end = to == null ? null : to.plusMillis(1);
        List<JsonIn> attributes = r.raw().containsKey("LookupAttributes") && !r.raw().isNull("LookupAttributes")
                ? r.objects("LookupAttributes") : List.of();
        if (attributes.size() > 1) {
            throw new AuditQueryException("InvalidLookupAttributesException", "Give at most one lookup attribute.");
        }
        String key = attributes.isEmpty() ? null : attributes.get(0).requiredString("AttributeKey");
        String value = attributes.isEmpty() ? null : attributes.get(0).requiredString("AttributeValue");
        if (value != null && (value.isEmpty() || value.length() > 2000)) {
            throw new AuditQueryException("InvalidLookupAttributesException", "AttributeValue is 1 to 2000 characters.");
        }
        String principal = null;
        String actionPrefix = null;
        String resource = null;
        String accessKeyId = null;
        String eventId = null;
        String eventName = null;
        if (key != null) {
            switch (key) {
                case "EventId" -> eventId = value;
                case "EventName" -> eventName = value;
                case "Username" -> principal = value;
                case "ResourceName" -> resource = value;
                case "AccessKeyId" -> accessKeyId = value;
                case "EventSource" -> actionPrefix = serviceOfSource(value) + ":";
                case "ReadOnly", "ResourceType" -> throw new AuditQueryException("InvalidLookupAttributesException",
                        "The lookup attribute " + key + " is not supported by this server.");
                default -> throw new AuditQueryException("InvalidLookupAttributesException",
                        "Unknown lookup attribute " + key + ".");
            }
        }
        return new AuditQuery(from, end, null, principal, actionPrefix, resource, null, null, accessKeyId, eventId, eventName);
    }

    /** {@code personalize.amazonaws.com} is {@code personalize}. */
    private static String serviceOfSource(String source) {
        int dot = source.indexOf('.');
        return dot < 0 ? source : source.substring(0, dot);
    }

    private static JsonOut event(AuditRecord r) {
        String action = r.getAction();
        String service = action.substring(0, action.indexOf(':'));
        String name = action.substring(action.indexOf(':') + 1);
        boolean readOnly = READ_PREFIXES.stream().anyMatch(name::startsWith);
        String source = service + ".amazonaws.com";
        return JsonOut.object()
                .put("EventId", r.getEventId())
                .put("EventName", name)
                .put("ReadOnly", Boolean.toString(readOnly))
                .put("AccessKeyId", r.getAccessKeyId())
                .put("EventTime", r.getEventTime())
                .put("EventSource", source)
                .put("Username", r.getPrincipal())
                .list("Resources", r.resourceList(), arn -> JsonOut.object().put("ResourceType", typeOf(arn))
                        .put("ResourceName", arn))
                .put("CloudTrailEvent", cloudTrailEvent(r, source, name, readOnly).toString());
    }

    /** The record as CloudTrail's event JSON, with Tastemaker's own fields under {@code additionalEventData}. */
    private static JsonOut cloudTrailEvent(AuditRecord r, String source, String name, boolean readOnly) {
        JsonOut identity = JsonOut.object().put("type", r.getPrincipal() == null ? "Unknown" : "IAMUser")
                .put("accountId", r.getAccountId()).put("userName", r.getPrincipal()).put("accessKeyId", r.getAccessKeyId());
        return JsonOut.object()
                .put("eventVersion", "1.08")
                .put("userIdentity", identity)
                .put("eventTime", r.getEventTime().toString())
                .put("eventSource", source)
                .put("eventName", name)
                .put("sourceIPAddress", r.getSourceIp())
                .put("userAgent", r.getUserAgent())
                .put("errorCode", r.getErrorCode())
                .list("resources", r.resourceList(), arn -> JsonOut.object().put("ARN", arn).put("accountId", r.getAccountId()))
                .put("eventID", r.getEventId())
                .put("readOnly", readOnly)
                .put("eventType", "console".equals(r.getService()) ? "AwsConsoleAction" : "AwsApiCall")
                .put("managementEvent", true)
                .put("recipientAccountId", r.getAccountId())
                .put("eventCategory", "Management")
                .put("additionalEventData", JsonOut.object().put("service", r.getService()).put("outcome", r.getOutcome())
                        .put("httpStatus", r.getHttpStatus()).put("chainId", r.getChainId()).put("seq", r.getSeq())
                        .put("prevHash", r.getPrevHash()).put("hash", r.getHash()));
    }

    /** The resource type of an ARN: {@code campaign} of {@code arn:aws:personalize:...:campaign/x}. */
    private static String typeOf(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        String resource = parts[5];
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    private static String token(String listKey, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("audit|" + listKey + "|" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String listKey) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !"audit".equals(parts[0]) || !parts[1].equals(listKey)) {
                throw new AuditQueryException("InvalidNextTokenException", "The NextToken is not valid for this lookup.");
            }
            int offset = Integer.parseInt(parts[2]);
            if (offset < 0) {
                throw new AuditQueryException("InvalidNextTokenException", "The NextToken is not valid for this lookup.");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new AuditQueryException("InvalidNextTokenException", "The NextToken is not valid for this lookup.");
        }
    }
}
