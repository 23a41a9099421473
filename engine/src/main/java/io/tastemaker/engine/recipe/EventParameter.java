package io.tastemaker.engine.recipe;

/**
 * One entry of a solution's {@code eventsConfig.eventParametersList}: an event type that counts as a
 * positive signal in training, the smallest value its events need, and its weight.
 *
 * @param eventType the event type, 1 to 256 characters, as the events carry it
 * @param eventValueThreshold the smallest event value of the type that counts, or null for any (events
 *     without a value then count too)
 * @param weight from 0 to 1; only the ratio between the entries matters, and 0 means the type does
 *     not count
 */
public record EventParameter(String eventType, Double eventValueThreshold, double weight) {

    /** Checks the members; messages name the member. */
    public EventParameter {
        if (eventType == null || eventType.isBlank() || eventType.length() > 256) {
            throw new IllegalArgumentException("eventType is required, 1 to 256 characters");
        }
        if (eventValueThreshold != null && !Double.isFinite(eventValueThreshold)) {
            throw new IllegalArgumentException("eventValueThreshold must be a finite number");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be a number from 0 to 1, was " + weight);
        }
    }
}
