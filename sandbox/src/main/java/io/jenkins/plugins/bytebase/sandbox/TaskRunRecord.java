package io.jenkins.plugins.bytebase.sandbox;

import java.time.Instant;

/**
 * One run of a task. Its status is derived from the clock: PENDING until {@code startTime}, RUNNING until
 * {@code endTime}, then the outcome the state settled (DONE or FAILED); CANCELED once canceled.
 */
final class TaskRunRecord {

    final String name;
    final TaskRecord task;
    final Instant createTime;
    final Instant startTime;
    final Instant endTime;
    Instant canceledAt;
    String outcome;
    String detail = "";

    TaskRunRecord(String name, TaskRecord task, Instant createTime, Instant startTime, Instant endTime) {
        this.name = name;
        this.task = task;
        this.createTime = createTime;
        this.startTime = startTime;
        this.endTime = endTime;
    }

    /** {@code bytebase.v1.TaskRun.Status} name (the same names as the task statuses it drives). */
    String status(Instant now) {
        if (canceledAt != null) {
            return "CANCELED";
        }
        if (outcome != null) {
            return outcome;
        }
        if (now.isBefore(startTime)) {
            return "PENDING";
        }
        return "RUNNING";
    }

    boolean isActive(Instant now) {
        String status = status(now);
        return status.equals("PENDING") || status.equals("RUNNING");
    }

    /** Due to finish: its running time has passed and nothing decided its outcome yet. */
    boolean isDue(Instant now) {
        return canceledAt == null && outcome == null && !now.isBefore(endTime);
    }

    Instant updateTime(Instant now) {
        if (canceledAt != null) {
            return canceledAt;
        }
        if (outcome != null) {
            return endTime;
        }
        return now.isBefore(startTime) ? createTime : startTime;
    }
}
