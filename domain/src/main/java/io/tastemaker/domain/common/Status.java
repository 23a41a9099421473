package io.tastemaker.domain.common;

/** Personalize's status strings, shared by every resource that has a life cycle. */
public final class Status {

    public static final String CREATE_PENDING = "CREATE PENDING";
    public static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
    public static final String ACTIVE = "ACTIVE";
    public static final String CREATE_FAILED = "CREATE FAILED";
    public static final String CREATE_STOPPING = "CREATE STOPPING";
    public static final String CREATE_STOPPED = "CREATE STOPPED";
    public static final String DELETE_PENDING = "DELETE PENDING";
    public static final String DELETE_IN_PROGRESS = "DELETE IN_PROGRESS";

    private Status() {
    }

    /** True while work on the resource is still to be done or under way. */
    public static boolean inProgress(String status) {
        return CREATE_PENDING.equals(status) || CREATE_IN_PROGRESS.equals(status) || CREATE_STOPPING.equals(status);
    }
}
