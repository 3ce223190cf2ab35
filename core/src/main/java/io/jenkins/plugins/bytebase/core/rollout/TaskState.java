package io.jenkins.plugins.bytebase.core.rollout;

/** Status of a task, our own copy of the API's enum so stored snapshots never depend on the API. */
public enum TaskState {
    NOT_STARTED,
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    CANCELED,
    SKIPPED,
    UNKNOWN
}
