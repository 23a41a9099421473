package io.tastemaker.domain.event;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DataChanges;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.dataset.InteractionRow;
import io.tastemaker.domain.dataset.RecordRow;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.SchemaService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real-time ingestion: PutEvents (through an event tracker), PutItems and PutUsers (straight
 * into a dataset). Every call is checked whole before anything is stored: one bad event refuses
 * the call and stores none of it.
 */
@Stateless
public class EventService {

    private static final int MAX_ID = 256;
    /** The model's limits: RecommendationId, Impression, EventPropertiesJSON, ItemProperties, UserProperties. */
    private static final int MAX_RECOMMENDATION_ID = 40;
    private static final int MAX_IMPRESSION = 25;
    private static final int MAX_EVENT_PROPERTIES = 1024;
    private static final int MAX_ITEM_PROPERTIES = 32_000;
    private static final int MAX_USER_PROPERTIES = 24_000;

    @Inject
    DatasetService datasets;
    @Inject
    SchemaService schemas;
    @Inject
    DatasetRows rows;
    @Inject
    EventTargets targets;
    @Inject
    DataChanges changes;

    public void putEvents(String accountId, String trackingId, String userId, String sessionId, List<EventInput> events) {
        requireText("trackingId", trackingId, MAX_ID);
        requireText("sessionId", sessionId, MAX_ID);
        if (userId != null) {
            requireText("userId", userId, MAX_ID);
        }
        if (events == null || events.isEmpty() || events.size() > 10) {
            throw new InvalidInputException("eventList must hold between 1 and 10 events.");
        }
        EventTargets.Target target = targets.of(accountId, trackingId);
        ParsedSchema schema = target.schema();
        List<InteractionRow> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventInput e = events.get(i);
            String where = "eventList[" + i + "]";
            requireText(where + ".eventType", e.eventType(), MAX_ID);
            if (e.sentAt() == null) {
                throw new InvalidInputException(where + ".sentAt is required.");
            }
            if (e.itemId() == null || e.itemId().isEmpty()) {
                throw new InvalidInputException(where + ".itemId is required: the Interactions dataset needs ITEM_ID.");
            }
            requireText(where + ".itemId", e.itemId(), MAX_ID);
            if (e.eventId() != null) {
                requireText(where + ".eventId", e.eventId(), MAX_ID);
            }
            if (e.recommendationId() != null) {
                requireText(where + ".recommendationId", e.recommendationId(), MAX_RECOMMENDATION_ID);
            }
            if (e.impression() != null && e.impression().size() > MAX_IMPRESSION) {
                throw new InvalidInputException(where + ".impression must hold at most " + MAX_IMPRESSION + " item ids.");
            }
            if (e.impression() != null) {
                for (String shown : e.impression()) {
                    requireText(where + ".impression", shown, MAX_ID);
                }
            }
            requireLength(where + ".properties", e.properties(), MAX_EVENT_PROPERTIES);
            String attributes = properties(where + ".properties", e.properties(), schema,
                    List.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE"));
            out.add(new InteractionRow(userId == null ? "" : userId, e.itemId(), e.sentAt().getEpochSecond(),
                    e.eventType(), e.eventValue(), sessionId, attributes, e.impression(), e.recommendationId()));
        }
        rows.insertInteractions(target.datasetArn(), target.streamBatchId(), out);
        changes.arrived(target.datasetArn());
    }

    public void putRecords(String accountId, String datasetArn, DatasetType expected, Map<String, String> idToProperties) {
        Dataset dataset = datasets.find(accountId, Arns.require("datasetArn", datasetArn));
        if (!dataset.getDatasetType().equals(expected.name())) {
            throw new InvalidInputException("Dataset " + datasetArn + " is of type "
                    + DatasetType.valueOf(dataset.getDatasetType()).wireName() + ", not " + expected.wireName() + ".");
        }
        if (idToProperties.isEmpty() || idToProperties.size() > 10) {
            throw new InvalidInputException("A call must carry between 1 and 10 records.");
        }
        ParsedSchema schema = schemas.parsed(schemas.find(accountId, dataset.getSchemaArn()));
        String idField = expected == DatasetType.ITEMS ? "ITEM_ID" : "USER_ID";
        List<RecordRow> out = new ArrayList<>();
        for (Map.Entry<String, String> e : idToProperties.entrySet()) {
            requireText(expected == DatasetType.ITEMS ? "itemId" : "userId", e.getKey(), MAX_ID);
            requireLength("properties of " + Texts.abbreviate(e.getKey()), e.getValue(),
                    expected == DatasetType.ITEMS ? MAX_ITEM_PROPERTIES : MAX_USER_PROPERTIES);
            out.add(new RecordRow(e.getKey(), properties("properties of " + e.getKey(), e.getValue(), schema, List.of(idField))));
        }
        rows.insertRecords(dataset.getArn(), expected, rows.streamBatch(dataset.getArn()), true, out);
        changes.arrived(dataset.getArn());
    }

    /**
     * Checks a properties JSON object against the schema: keys are the camel-case names of
     * schema fields (numberOfRatings for NUMBER_OF_RATINGS), values strings or numbers.
     * Returns the attributes keyed by schema field name.
     */
    private static String properties(String member, String json, ParsedSchema schema, List<String> excluded) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException(member + " must be a JSON object, e.g. {\"numberOfRatings\": \"12\"}.");
        }
        Map<String, FieldSpec> byKey = new HashMap<>();
        for (FieldSpec f : schema.fields()) {
            if (!excluded.contains(f.name().toUpperCase(Locale.ROOT))) {
                byKey.put(f.name().replace("_", "").toLowerCase(Locale.ROOT), f);
            }
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> p : object.entrySet()) {
            FieldSpec field = byKey.get(p.getKey().replace("_", "").toLowerCase(Locale.ROOT));
            if (field == null) {
                throw new InvalidInputException(member + " has the key " + Texts.abbreviate(p.getKey())
                        + ", which matches no field of the dataset's schema.");
            }
            out.add(field.name(), p.getValue());
        }
        return out.build().toString();
    }

    private static void requireLength(String member, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(member + " must have at most " + max + " characters, not " + value.length() + ".");
        }
    }

    private static void requireText(String member, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(member + " is required.");
        }
        if (value.length() > max) {
            throw new InvalidInputException(member + " must have at most " + max + " characters.");
        }
    }
}
