package io.tastemaker.security.policy;

import io.tastemaker.security.iam.MalformedPolicyDocumentException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads AWS's identity-policy grammar into {@link PolicyDocument}s. Strict: whatever AWS would
 * refuse, or whatever this engine could not evaluate faithfully, is a
 * {@link MalformedPolicyDocumentException} whose message names the statement and the element.
 */
final class PolicyParser {

    private static final List<String> DOCUMENT_ELEMENTS = List.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ELEMENTS =
            List.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {
    }

    /** The JSON-P provider, looked up once, on first use. */
    private static final class Provider {
        static final JsonProvider PROVIDER = JsonProvider.provider();
        static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    }

    /** The parser's own copy of the location, which the message already gives. */
    private static final Pattern LOCATION = Pattern.compile(" at \\(line no=\\d+, column no=\\d+, offset=-?\\d+\\)");

    static PolicyDocument parse(String json, int maxCharacters) {
        if (json == null || json.isBlank()) {
            throw malformed("Policy document is empty");
        }
        long characters = json.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (characters > maxCharacters) {
            throw malformed("Policy document has " + characters + " characters, not counting white space; the limit is "
                    + maxCharacters);
        }
        JsonValue root;
        try (JsonParser parser = Provider.PARSERS.createParser(new StringReader(json))) {
            root = read(parser, parser.next());
            if (parser.hasNext()) {
                JsonLocation at = parser.getLocation();
                throw malformed("Policy document is not valid JSON at line " + at.getLineNumber() + ", column "
                        + at.getColumnNumber() + ": there is more after the policy's closing brace");
            }
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw malformed("Policy document is not valid JSON" + where + ": " + reason(e));
        } catch (JsonException e) {
            throw malformed("Policy document is not valid JSON: " + reason(e));
        }
        if (!(root instanceof JsonObject document)) {
            throw malformed("Policy document must be a JSON object, not " + kind(root));
        }
        for (String element : document.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(element)) {
                throw malformed("Policy document: unknown element '" + element + "'" + hint(element, DOCUMENT_ELEMENTS)
                        + "; a policy document has Version, Id and Statement");
            }
        }
        String version = PolicyDocument.VERSION_2008_10_17;
        if (document.containsKey("Version")) {
            JsonValue value = document.get("Version");
            if (!(value instanceof JsonString string)) {
                throw malformed("Policy document: Version must be a string, not " + kind(value));
            }
            version = string.getString();
            if (!version.equals(PolicyDocument.VERSION_2012_10_17) && !version.equals(PolicyDocument.VERSION_2008_10_17)) {
                throw malformed("Policy document: Version must be 2012-10-17 or 2008-10-17, not '" + version + "'");
            }
        }
        String id = null;
        if (document.containsKey("Id")) {
            JsonValue value = document.get("Id");
            if (!(value instanceof JsonString string)) {
                throw malformed("Policy document: Id must be a string, not " + kind(value));
            }
            id = string.getString();
        }
        JsonValue body = document.get("Statement");
        if (body == null) {
            throw malformed("Policy document: Statement is missing");
        }
        List<JsonValue> items;
        if (body instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw malformed("Policy document: Statement is an empty array; a policy needs at least one statement");
            }
            items = array;
        } else if (body instanceof JsonObject) {
            items = List.of(body);
        } else {
            throw malformed("Policy document: Statement must be an object or an array of objects, not " + kind(body));
        }
        boolean variables = version.equals(PolicyDocument.VERSION_2012_10_17);
        List<Statement> statements = new ArrayList<>(items.size());
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            statements.add(statement(items.get(i), i + 1, variables, sids));
        }
        return new PolicyDocument(json, version, id, statements, null);
    }

    /**
     * Builds the value that starts with {@code event}, refusing a key that appears twice in one
     * object (AWS refuses such documents; a JSON reader would silently keep one of them).
     */
    private static JsonValue read(JsonParser parser, JsonParser.Event event) {
        switch (event) {
            case START_OBJECT: {
                JsonObjectBuilder object = Provider.PROVIDER.createObjectBuilder();
                Set<String> keys = new HashSet<>();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String key = parser.getString();
                    if (!keys.add(key)) {
                        JsonLocation at = parser.getLocation();
                        throw malformed("Policy document is not valid JSON at line " + at.getLineNumber() + ", column "
                                + at.getColumnNumber() + ": the key '" + key + "' appears twice in one object");
                    }
                    object.add(key, read(parser, parser.next()));
                }
                return object.build();
            }
            case START_ARRAY: {
                JsonArrayBuilder array = Provider.PROVIDER.createArrayBuilder();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(read(parser, next));
                }
                return array.build();
            }
            default:
                return parser.getValue();
        }
    }

    private static Statement statement(JsonValue item, int number, boolean variables, Set<String> sids) {
        if (!(item instanceof JsonObject object)) {
            throw malformed("Statement " + number + " must be a JSON object, not " + kind(item));
        }
        String where = "Statement " + number;
        String sid = null;
        if (object.containsKey("Sid")) {
            JsonValue value = object.get("Sid");
            if (!(value instanceof JsonString string)) {
                throw malformed(where + ": Sid must be a string, not " + kind(value));
            }
            sid = string.getString();
            if (!sid.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                throw malformed(where + ": Sid '" + sid + "' must contain only letters and digits (A-Z, a-z, 0-9)");
            }
            if (!sid.isEmpty() && !sids.add(sid)) {
                throw malformed(where + ": Sid '" + sid + "' is already used by another statement; Sids must be unique");
            }
            if (!sid.isEmpty()) {
                where = where + " (Sid " + sid + ")";
            }
        }
        for (String element : object.keySet()) {
            if (element.equals("Principal") || element.equals("NotPrincipal")) {
                throw malformed(where + ": " + element + " is not allowed in an identity-based policy; the policy applies "
                        + "to the user, group or role it is attached to");
            }
            if (!STATEMENT_ELEMENTS.contains(element)) {
                throw malformed(where + ": unknown element '" + element + "'" + hint(element, STATEMENT_ELEMENTS)
                        + "; a statement has Sid, Effect, Action or NotAction, Resource or NotResource, and Condition");
            }
        }
        JsonValue effectValue = object.get("Effect");
        if (effectValue == null) {
            throw malformed(where + ": Effect is missing; it must be Allow or Deny");
        }
        if (!(effectValue instanceof JsonString effectString)) {
            throw malformed(where + ": Effect must be Allow or Deny, not " + kind(effectValue));
        }
        Effect effect = switch (effectString.getString()) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> throw malformed(where + ": Effect must be Allow or Deny, not '" + effectString.getString() + "'");
        };

        boolean notAction = pick(object, "Action", "NotAction", where);
        String actionElement = notAction ? "NotAction" : "Action";
        List<String> actions = strings(object.get(actionElement), where, actionElement);
        int[][] actionPrograms = new int[actions.size()][];
        for (int i = 0; i < actions.size(); i++) {
            String action = actions.get(i);
            if (!isAction(action)) {
                throw malformed(where + ": " + actionElement + " '" + action + "' must be '*' or '<service>:<action>', "
                        + "e.g. 'personalize:CreateCampaign' or 'personalize:Describe*'");
            }
            actionPrograms[i] = Glob.compile(action.toLowerCase(Locale.ROOT));
        }

        boolean notResource = pick(object, "Resource", "NotResource", where);
        String resourceElement = notResource ? "NotResource" : "Resource";
        List<String> resources = strings(object.get(resourceElement), where, resourceElement);
        PolicyString[] patterns = new PolicyString[resources.size()];
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            String problem = resource.equals("*") ? null : arnProblem(resource, variables);
            if (problem != null) {
                throw malformed(where + ": " + resourceElement + " '" + resource + "' " + problem);
            }
            try {
                patterns[i] = PolicyString.compile(resource, true, variables);
            } catch (IllegalArgumentException e) {
                throw malformed(where + ": " + resourceElement + " '" + resource + "': " + e.getMessage());
            }
        }

        List<Condition> conditions = object.containsKey("Condition")
                ? conditions(object.get("Condition"), where, variables)
                : List.of();
        return new Statement(number, sid, effect, actions, notAction, actionPrograms, resources, notResource, patterns,
                conditions);
    }

    /** Which of the two exclusive elements the statement has: false for the first, true for the second. */
    private static boolean pick(JsonObject object, String element, String notElement, String where) {
        boolean has = object.containsKey(element);
        boolean hasNot = object.containsKey(notElement);
        if (has && hasNot) {
            throw malformed(where + ": has both " + element + " and " + notElement + "; a statement takes one of them");
        }
        if (!has && !hasNot) {
            throw malformed(where + ": has neither " + element + " nor " + notElement + "; a statement needs one of them");
        }
        return hasNot;
    }

    private static List<String> strings(JsonValue value, String where, String element) {
        if (value instanceof JsonString string) {
            return List.of(string.getString());
        }
        if (!(value instanceof JsonArray array)) {
            throw malformed(where + ": " + element + " must be a string or an array of strings, not " + kind(value));
        }
        if (array.isEmpty()) {
            throw malformed(where + ": " + element + " is an empty array; it needs at least one entry");
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue entry : array) {
            if (!(entry instanceof JsonString string)) {
                throw malformed(where + ": " + element + " must be a string or an array of strings, but has " + kind(entry));
            }
            out.add(string.getString());
        }
        return out;
    }

    private static List<Condition> conditions(JsonValue value, String where, boolean variables) {
        if (!(value instanceof JsonObject block)) {
            throw malformed(where + ": Condition must be an object of condition operators, not " + kind(value));
        }
        if (block.isEmpty()) {
            throw malformed(where + ": Condition is empty; leave it out or give it an operator");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : block.entrySet()) {
            String written = entry.getKey();
            Condition.Qualifier qualifier = Condition.Qualifier.NONE;
            String base = written;
            for (Condition.Qualifier candidate : Condition.Qualifier.values()) {
                if (candidate != Condition.Qualifier.NONE && base.startsWith(candidate.prefix)) {
                    qualifier = candidate;
                    base = base.substring(candidate.prefix.length());
                }
            }
            boolean ifExists = false;
            ConditionOperator operator = ConditionOperator.named(base);
            if (operator == null && base.endsWith("IfExists")) {
                operator = ConditionOperator.named(base.substring(0, base.length() - "IfExists".length()));
                ifExists = operator != null;
            }
            if (operator == null) {
                String bare = base.endsWith("IfExists") ? base.substring(0, base.length() - "IfExists".length()) : base;
                ConditionOperator near = ConditionOperator.namedIgnoringCase(bare);
                throw malformed(where + ": unknown condition operator '" + written + "'"
                        + (near == null ? "" : " (operators are case-sensitive: did you mean " + near.operatorName() + "?)"));
            }
            if (operator == ConditionOperator.NULL && (qualifier != Condition.Qualifier.NONE || ifExists)) {
                throw malformed(where + ": condition operator '" + written + "' is not valid: Null takes neither "
                        + "ForAnyValue:/ForAllValues: nor IfExists");
            }
            if (!(entry.getValue() instanceof JsonObject keys)) {
                throw malformed(where + ": Condition " + written + " must be an object of condition keys and values, not "
                        + kind(entry.getValue()));
            }
            if (keys.isEmpty()) {
                throw malformed(where + ": Condition " + written + " has no condition key");
            }
            for (Map.Entry<String, JsonValue> keyEntry : keys.entrySet()) {
                String key = keyEntry.getKey();
                String at = where + ": Condition " + written + " on " + key;
                if (!isConditionKey(key)) {
                    throw malformed(where + ": Condition " + written + ": key '" + key + "' must be '<service>:<name>', "
                            + "e.g. aws:SourceIp");
                }
                List<String> raw = conditionValues(keyEntry.getValue(), at);
                List<Object> compiled = new ArrayList<>(raw.size());
                for (String text : raw) {
                    try {
                        compiled.add(operator.compile(text, variables));
                    } catch (IllegalArgumentException e) {
                        throw malformed(at + ": " + e.getMessage());
                    }
                }
                conditions.add(new Condition(operator, qualifier, ifExists, key, key.toLowerCase(Locale.ROOT), compiled));
            }
        }
        return conditions;
    }

    private static List<String> conditionValues(JsonValue value, String at) {
        if (value instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw malformed(at + ": the list of values is empty");
            }
            List<String> out = new ArrayList<>(array.size());
            for (JsonValue entry : array) {
                out.add(scalar(entry, at));
            }
            return out;
        }
        return List.of(scalar(value, at));
    }

    private static String scalar(JsonValue value, String at) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        if (value == JsonValue.TRUE) {
            return "true";
        }
        if (value == JsonValue.FALSE) {
            return "false";
        }
        throw malformed(at + ": a value must be a string, a number or a boolean, not " + kind(value));
    }

    private static boolean isAction(String action) {
        if (action.equals("*")) {
            return true;
        }
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = action.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                return false;
            }
        }
        for (int i = colon + 1; i < action.length(); i++) {
            char c = action.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '*' || c == '?' || c == '-' || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with a resource pattern, or null: it must read {@code arn:<partition>:<service>:...}
     * with a service that has no wildcard, and have all six segments unless a segment ends with
     * {@code *} (which stretches across colons). Colons inside policy variables do
     * not count.
     */
    private static String arnProblem(String resource, boolean variables) {
        String shape = "must be '*' or an ARN (arn:<partition>:<service>:<region>:<account>:<resource>, "
                + "shorter only where a segment ends with *)";
        if (!resource.startsWith("arn:")) {
            return shape;
        }
        List<Integer> colons = new ArrayList<>();
        int i = 0;
        while (i < resource.length()) {
            if (variables && resource.startsWith("${", i)) {
                int close = resource.indexOf('}', i);
                if (close < 0) {
                    return null; // the variable's own error is clearer
                }
                i = close + 1;
                continue;
            }
            if (resource.charAt(i) == ':') {
                colons.add(i);
            }
            i++;
        }
        boolean stretches = resource.endsWith("*") || resource.contains("*:");
        if (colons.size() < 5 && !(colons.size() >= 2 && stretches)) {
            return shape;
        }
        String service = resource.substring(colons.get(1) + 1, colons.size() > 2 ? colons.get(2) : resource.length());
        if (service.isEmpty() || service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
            return "must name its service without wildcards (arn:<partition>:<service>:...)";
        }
        return null;
    }

    private static boolean isConditionKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isWhitespace(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String hint(String element, List<String> known) {
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(element)) {
                return " (element names are case-sensitive: did you mean '" + candidate + "'?)";
            }
        }
        return "";
    }

    private static String kind(JsonValue value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String reason(JsonException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : LOCATION.matcher(message).replaceAll("");
    }

    private static MalformedPolicyDocumentException malformed(String message) {
        return new MalformedPolicyDocumentException(message);
    }
}
