package io.tastemaker.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds JSON response members; leaves out nulls, writes timestamps as epoch seconds like AWS. */
public final class JsonOut {

    private final JsonObjectBuilder builder = Json.createObjectBuilder();

    public static JsonOut object() {
        return new JsonOut();
    }

    public JsonOut put(String member, String value) {
        if (value != null) {
            builder.add(member, value);
        }
        return this;
    }

    public JsonOut put(String member, Number value) {
        if (value instanceof Integer i) {
            builder.add(member, i);
        } else if (value instanceof Long l) {
            builder.add(member, l);
        } else if (value != null) {
            builder.add(member, value.doubleValue());
        }
        return this;
    }

    public JsonOut put(String member, boolean value) {
        builder.add(member, value);
        return this;
    }

    public JsonOut put(String member, Instant value) {
        if (value != null) {
            builder.add(member, BigDecimal.valueOf(value.toEpochMilli()).movePointLeft(3));
        }
        return this;
    }

    public JsonOut put(String member, JsonOut value) {
        if (value != null) {
            builder.add(member, value.builder);
        }
        return this;
    }

    public JsonOut putJson(String member, String jsonObject) {
        if (jsonObject != null) {
            try (var reader = Json.createReader(new java.io.StringReader(jsonObject))) {
                builder.add(member, reader.readValue());
            }
        }
        return this;
    }

    /** A list of strings; left out when null or empty. */
    public JsonOut strings(String member, List<String> values) {
        if (values != null && !values.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            values.forEach(array::add);
            builder.add(member, array);
        }
        return this;
    }

    /** A map of strings as an object; left out when null. */
    public JsonOut stringMap(String member, Map<String, String> values) {
        if (values != null) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            values.forEach(object::add);
            builder.add(member, object);
        }
        return this;
    }

    public <T> JsonOut list(String member, List<T> items, Function<T, JsonOut> format) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (T item : items) {
            array.add(format.apply(item).builder);
        }
        builder.add(member, array);
        return this;
    }

    public JsonObject build() {
        return builder.build();
    }

    @Override
    public String toString() {
        return build().toString();
    }
}
