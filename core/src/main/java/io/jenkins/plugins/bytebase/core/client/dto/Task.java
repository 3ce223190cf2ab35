package io.jenkins.plugins.bytebase.core.client.dto;

/** {@code bytebase.v1.Task}. {@code target} is the database, e.g. {@code instances/i/databases/d}. */
public record Task(
        String name,
        String specId,
        TaskStatus status,
        String skippedReason,
        TaskType type,
        String target,
        DatabaseUpdate databaseUpdate,
        String updateTime,
        String runTime) {

    public Task {
        status = status == null ? TaskStatus.STATUS_UNSPECIFIED : status;
        type = type == null ? TaskType.TYPE_UNSPECIFIED : type;
        skippedReason = skippedReason == null ? "" : skippedReason;
        target = target == null ? "" : target;
    }
}
