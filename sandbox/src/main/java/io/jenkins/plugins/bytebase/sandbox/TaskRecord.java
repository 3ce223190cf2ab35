package io.jenkins.plugins.bytebase.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A DATABASE_MIGRATE task: one release applied to one database. Its status follows its latest run. */
final class TaskRecord {

    final String name;
    final String specId;
    final String database;
    final String release;
    final Instant createTime;
    final List<TaskRunRecord> runs = new ArrayList<>();

    TaskRecord(String name, String specId, String database, String release, Instant createTime) {
        this.name = name;
        this.specId = specId;
        this.database = database;
        this.release = release;
        this.createTime = createTime;
    }

    TaskRunRecord latestRun() {
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    /** {@code bytebase.v1.Task.Status} name. */
    String status(Instant now) {
        TaskRunRecord run = latestRun();
        return run == null ? "NOT_STARTED" : run.status(now);
    }

    Instant updateTime(Instant now) {
        TaskRunRecord run = latestRun();
        return run == null ? createTime : run.updateTime(now);
    }
}
