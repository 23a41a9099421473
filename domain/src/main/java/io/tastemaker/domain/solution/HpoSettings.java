package io.tastemaker.domain.solution;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.engine.tuning.CategoricalHyperParameterRange;
import io.tastemaker.engine.tuning.ContinuousHyperParameterRange;
import io.tastemaker.engine.tuning.HpoConfig;
import io.tastemaker.engine.tuning.HpoObjective;
import io.tastemaker.engine.tuning.HpoResourceConfig;
import io.tastemaker.engine.tuning.HyperParameterRanges;
import io.tastemaker.engine.tuning.IntegerHyperParameterRange;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads {@code solutionConfig.hpoConfig} as Personalize's API shapes it (HPOConfig:
 * {@code hpoObjective}, {@code hpoResourceConfig} with string counts,
 * {@code algorithmHyperParameterRanges} with integer, continuous and categorical ranges) into the
 * engine's {@link HpoConfig}. Every error is an {@link InvalidInputException} naming the member.
 */
final class HpoSettings {

    private static final String WHERE = "solutionConfig.hpoConfig";

    private HpoSettings() {
    }

    static HpoConfig parse(JsonValue value) {
        JsonObject hpo = object(value, WHERE);
        try {
            HpoObjective objective = null;
            if (present(hpo, "hpoObjective")) {
                JsonObject o = object(hpo.get("hpoObjective"), WHERE + ".hpoObjective");
                objective = HpoObjective.of(string(o, "type", WHERE + ".hpoObjective"),
                        string(o, "metricName", WHERE + ".hpoObjective"), string(o, "metricRegex", WHERE + ".hpoObjective"));
            }
            HpoResourceConfig resources = null;
            if (present(hpo, "hpoResourceConfig")) {
                JsonObject r = object(hpo.get("hpoResourceConfig"), WHERE + ".hpoResourceConfig");
                resources = HpoResourceConfig.of(string(r, "maxNumberOfTrainingJobs", WHERE + ".hpoResourceConfig"),
                        string(r, "maxParallelTrainingJobs", WHERE + ".hpoResourceConfig"));
            }
            HyperParameterRanges ranges = null;
            if (present(hpo, "algorithmHyperParameterRanges")) {
                String where = WHERE + ".algorithmHyperParameterRanges";
                JsonObject r = object(hpo.get("algorithmHyperParameterRanges"), where);
                ranges = new HyperParameterRanges(
                        list(r, "integerHyperParameterRanges", where, o -> new IntegerHyperParameterRange(
                                string(o, "name", where), integer(o, "minValue", where), integer(o, "maxValue", where))),
                        list(r, "continuousHyperParameterRanges", where, o -> new ContinuousHyperParameterRange(
                                string(o, "name", where), number(o, "minValue", where), number(o, "maxValue", where))),
                        list(r, "categoricalHyperParameterRanges", where, o -> new CategoricalHyperParameterRange(
                                string(o, "name", where), strings(o, "values", where))));
            }
            return new HpoConfig(objective, resources, ranges);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(WHERE + ": " + e.getMessage());
        }
    }

    private static boolean present(JsonObject object, String member) {
        return object.containsKey(member) && !object.isNull(member);
    }

    private static JsonObject object(JsonValue value, String where) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(where + " must be a JSON object.");
        }
        return value.asJsonObject();
    }

    private static <T> List<T> list(JsonObject object, String member, String where, Function<JsonObject, T> element) {
        if (!present(object, member)) {
            return List.of();
        }
        if (object.get(member).getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException(where + "." + member + " must be a list.");
        }
        List<T> out = new ArrayList<>();
        for (JsonValue value : object.getJsonArray(member)) {
            out.add(element.apply(HpoSettings.object(value, where + "." + member + "[]")));
        }
        return out;
    }

    /** A string member; numbers are accepted and read as their text, since the API types counts as strings. */
    private static String string(JsonObject object, String member, String where) {
        if (!present(object, member)) {
            return null;
        }
        JsonValue value = object.get(member);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        throw new InvalidInputException(where + "." + member + " must be a string.");
    }

    private static int integer(JsonObject object, String member, String where) {
        if (present(object, member) && object.get(member) instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidInputException(where + ": " + member + " " + n + " is out of range.");
            }
        }
        throw new InvalidInputException(where + ": every integer range needs an integer " + member + ".");
    }

    private static double number(JsonObject object, String member, String where) {
        if (present(object, member) && object.get(member) instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw new InvalidInputException(where + ": every continuous range needs a number " + member + ".");
    }

    private static List<String> strings(JsonObject object, String member, String where) {
        if (!present(object, member) || object.get(member).getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException(where + ": every categorical range needs a list of string " + member + ".");
        }
        JsonArray array = object.getJsonArray(member);
        List<String> out = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString s)) {
                throw new InvalidInputException(where + ": categorical " + member + " must be strings.");
            }
            out.add(s.getString());
        }
        return out;
    }
}
