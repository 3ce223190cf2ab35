package io.jenkins.plugins.bytebase.core.client.dto;

/** {@code bytebase.v1.TaskRun}. */
public record TaskRun(
        String name,
        String creator,
        TaskRunStatus status,
        String detail,
        String createTime,
        String updateTime,
        String startTime) {

    public TaskRun {
        status = status == null ? TaskRunStatus.STATUS_UNSPECIFIED : status;
        detail = detail == null ? "" : detail;
    }
}
