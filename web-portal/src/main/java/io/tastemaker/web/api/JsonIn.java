package io.tastemaker.web.api;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the members of a JSON request body, with AWS-style validation messages. */
public final class JsonIn {

    private final JsonObject json;

    private JsonIn(JsonObject json) {
        this.json = json;
    }

    public static JsonIn parse(byte[] body) {
        String text = body == null || body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedRequestException("The request body must be a JSON object.");
            }
            String nul = nulPath(value, "");
            if (nul != null) {
                throw new NulCharacterException(nul);
            }
            return new JsonIn(value.asJsonObject());
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedRequestException("The request body is not valid JSON.");
        }
    }

    /** Where the first U+0000 of {@code value} is (a member path), or null when it holds none. */
    static String nulPath(JsonValue value, String path) {
        switch (value.getValueType()) {
            case STRING -> {
                return ((JsonString) value).getString().indexOf('\u0000') >= 0 ? (path.isEmpty() ? "body" : path) : null;
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    String name = member.getKey().indexOf('\u0000') >= 0 ? member.getKey().replace("\u0000", "\\u0000")
                            : member.getKey();
                    String at = path.isEmpty() ? name : path + "." + name;
                    if (!name.equals(member.getKey())) {
                        return at;
                    }
                    String found = nulPath(member.getValue(), at);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            case ARRAY -> {
                int i = 0;
                for (JsonValue element : value.asJsonArray()) {
                    String found = nulPath(element, path + "[" + i++ + "]");
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    public JsonObject raw() {
        return json;
    }

    public String string(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidInputException("1 validation error detected: '" + member + "' must be a string.");
    }

    public String requiredString(String member) {
        String value = string(member);
        if (value == null) {
            throw new InvalidInputException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /**
     * A string member that must be one of an enumeration's values, as the model's enum shapes
     * require; null when absent.
     */
    public String enumValue(String member, String... allowed) {
        String value = string(member);
        if (value != null && !List.of(allowed).contains(value)) {
            throw new InvalidInputException("1 validation error detected: Value '" + Texts.abbreviate(value) + "' at '"
                    + member + "' failed to satisfy constraint: Member must satisfy enum value set: "
                    + List.of(allowed));
        }
        return value;
    }

    public Integer integer(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.intValueExact();
        }
        throw new InvalidInputException("1 validation error detected: '" + member + "' must be an integer.");
    }

    public Float floatValue(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return (float) n.doubleValue();
        }
        throw new InvalidInputException("1 validation error detected: '" + member + "' must be a number.");
    }

    public boolean bool(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new InvalidInputException("1 validation error detected: '" + member + "' must be true or false.");
    }

    /** A timestamp as the SDKs send it: epoch seconds, possibly with a fraction. */
    public Instant timestamp(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            double seconds = n.doubleValue();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        throw new InvalidInputException("1 validation error detected: '" + member + "' must be a timestamp in epoch seconds.");
    }

    public JsonIn object(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("1 validation error detected: '" + member + "' must be an object.");
        }
        return new JsonIn(v.asJsonObject());
    }

    public List<JsonIn> objects(String member) {
        JsonValue v = json.get(member);
        List<JsonIn> out = new ArrayList<>();
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("1 validation error detected: '" + member + "' must be a list.");
        }
        for (JsonValue item : v.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("1 validation error detected: every element of '" + member + "' must be an object.");
            }
            out.add(new JsonIn(item.asJsonObject()));
        }
        return out;
    }

    public List<String> strings(String member) {
        JsonValue v = json.get(member);
        List<String> out = new ArrayList<>();
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("1 validation error detected: '" + member + "' must be a list of strings.");
        }
        for (JsonValue item : v.asJsonArray()) {
            if (!(item instanceof JsonString s)) {
                throw new InvalidInputException("1 validation error detected: every element of '" + member + "' must be a string.");
            }
            out.add(s.getString());
        }
        return out;
    }

    /** A map of strings (e.g. filterValues), in the order sent; null when the member is absent or null. */
    public Map<String, String> stringMap(String member) {
        JsonValue v = json.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("1 validation error detected: '" + member + "' must be a map of strings.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var entry : v.asJsonObject().entrySet()) {
            if (!(entry.getValue() instanceof JsonString s)) {
                throw new InvalidInputException("1 validation error detected: the value of '" + member + "' entry "
                        + entry.getKey() + " must be a string.");
            }
            out.put(entry.getKey(), s.getString());
        }
        return out;
    }
}
