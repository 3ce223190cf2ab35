package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code bytebase.v1.TaskRun.Status}. */
public enum TaskRunStatus {
    STATUS_UNSPECIFIED,
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    CANCELED,
    AVAILABLE,
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Whether a cancel request makes sense for a run in this status. */
    public boolean isCancelable() {
        return this == PENDING || this == RUNNING || this == AVAILABLE;
    }
}
