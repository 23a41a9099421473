package io.tastemaker.web.console;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One HPO trial of a solution version: its hyperparameters and its validation score. */
public final class TrialRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int number;
    private final String parameters;
    private final String objective;
    private final boolean best;
    private final String failureReason;

    private TrialRow(int number, String parameters, String objective, boolean best, String failureReason) {
        this.number = number;
        this.parameters = parameters;
        this.objective = objective;
        this.best = best;
        this.failureReason = failureReason;
    }

    /** The trials stored on a version ({@code {metricName, type, trials: [...]}}), or none. */
    static List<TrialRow> of(String hpoTrialsJson) {
        if (hpoTrialsJson == null || hpoTrialsJson.isBlank()) {
            return List.of();
        }
        JsonObject stored;
        try (var reader = Json.createReader(new StringReader(hpoTrialsJson))) {
            stored = reader.readObject();
        }
        List<TrialRow> rows = new ArrayList<>();
        for (JsonValue value : stored.getJsonArray("trials")) {
            JsonObject trial = value.asJsonObject();
            String parameters = trial.getJsonObject("parameters").entrySet().stream()
                    .map(Map.Entry::getKey).sorted()
                    .map(name -> name + " = " + trial.getJsonObject("parameters").getString(name))
                    .collect(Collectors.joining(", "));
            String objective = trial.containsKey("objective")
                    ? ConsoleFormat.metric(trial.getJsonNumber("objective").doubleValue()) : "";
            rows.add(new TrialRow(trial.getInt("number"), parameters, objective, trial.getBoolean("best", false),
                    trial.getString("failureReason", null)));
        }
        return List.copyOf(rows);
    }

    /** The objective metric the trials were scored with, from the stored trials. */
    static String metricOf(String hpoTrialsJson) {
        if (hpoTrialsJson == null || hpoTrialsJson.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(hpoTrialsJson))) {
            JsonObject stored = reader.readObject();
            return stored.getString("type", "Maximize") + " " + stored.getString("metricName", "");
        }
    }

    public int getNumber() {
        return number;
    }

    public String getParameters() {
        return parameters;
    }

    public String getObjective() {
        return objective;
    }

    public boolean isBest() {
        return best;
    }

    public String getFailureReason() {
        return failureReason;
    }
}
