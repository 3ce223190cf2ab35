package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.Task.Status}. */
public enum TaskStatus {
    STATUS_UNSPECIFIED,
    NOT_STARTED,
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    CANCELED,
    SKIPPED,
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Whether a stage may move on past a task in this status. */
    public boolean isComplete() {
        return this == DONE || this == SKIPPED;
    }

    /** Whether this status stops the rollout. */
    public boolean isFailure() {
        return this == FAILED || this == CANCELED;
    }
}
