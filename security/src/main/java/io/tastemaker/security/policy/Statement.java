package io.tastemaker.security.policy;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a {@link PolicyDocument}, compiled: its action and resource patterns and its
 * conditions are ready to match. Immutable and thread-safe.
 */
public final class Statement {

    private final int number;
    private final String sid;
    private final Effect effect;
    private final List<String> actions;
    private final boolean notAction;
    private final int[][] actionPrograms;
    private final List<String> resources;
    private final boolean notResource;
    private final PolicyString[] resourcePatterns;
    private final Condition[] conditions;

    Statement(int number, String sid, Effect effect, List<String> actions, boolean notAction, int[][] actionPrograms,
            List<String> resources, boolean notResource, PolicyString[] resourcePatterns, List<Condition> conditions) {
        this.number = number;
        this.sid = sid;
        this.effect = effect;
        this.actions = List.copyOf(actions);
        this.notAction = notAction;
        this.actionPrograms = actionPrograms;
        this.resources = List.copyOf(resources);
        this.notResource = notResource;
        this.resourcePatterns = resourcePatterns;
        this.conditions = conditions.toArray(new Condition[0]);
    }

    /** The statement's position in its policy, from 1. */
    public int number() {
        return number;
    }

    /** The statement's {@code Sid}, if it has one. */
    public Optional<String> sid() {
        return Optional.ofNullable(sid);
    }

    public Effect effect() {
        return effect;
    }

    /** The action patterns as written, of {@code Action} or, if {@link #isNotAction()}, of {@code NotAction}. */
    public List<String> actions() {
        return actions;
    }

    /** Whether the statement has {@code NotAction} instead of {@code Action}. */
    public boolean isNotAction() {
        return notAction;
    }

    /** The resource patterns as written, of {@code Resource} or, if {@link #isNotResource()}, of {@code NotResource}. */
    public List<String> resources() {
        return resources;
    }

    /** Whether the statement has {@code NotResource} instead of {@code Resource}. */
    public boolean isNotResource() {
        return notResource;
    }

    /** The number of condition keys the statement tests (0 when it has no {@code Condition}). */
    public int conditionCount() {
        return conditions.length;
    }

    /** Whether the statement covers the request's action. */
    boolean coversAction(RequestContext request) {
        String action = request.actionLowerCase();
        boolean listed = false;
        for (int[] program : actionPrograms) {
            if (Glob.matches(program, action)) {
                listed = true;
                break;
            }
        }
        return listed != notAction;
    }

    /** Whether the statement covers the request's resource number {@code index}. */
    boolean coversResource(RequestContext request, int index) {
        String resource = request.resources().get(index);
        int[] colons = request.resourceColons(index);
        boolean listed = false;
        for (PolicyString pattern : resourcePatterns) {
            if (pattern.arnMatches(resource, colons, request)) {
                listed = true;
                break;
            }
        }
        return listed != notResource;
    }

    /** Whether every condition holds. */
    boolean conditionsHold(RequestContext request) {
        for (Condition condition : conditions) {
            if (!condition.holds(request)) {
                return false;
            }
        }
        return true;
    }

    /** "Statement 2 (Sid ReadOnly)" or "Statement 2". */
    String label() {
        return sid == null || sid.isEmpty() ? "Statement " + number : "Statement " + number + " (Sid " + sid + ")";
    }

    @Override
    public String toString() {
        return label() + ": " + effect.policyName() + " " + (notAction ? "NotAction " : "") + actions + " on "
                + (notResource ? "NotResource " : "") + resources + (conditions.length == 0 ? "" : " if " + List.of(conditions));
    }
}
