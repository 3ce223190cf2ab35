package io.jenkins.plugins.bytebase.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A plan's rollout: stages in environment order, each with one task per target database. */
final class RolloutRecord {

    /** A stage, named after its environment. */
    static final class Stage {
        final String name;
        final String id;
        final String environment;
        final List<TaskRecord> tasks = new ArrayList<>();

        Stage(String name, String id, String environment) {
            this.name = name;
            this.id = id;
            this.environment = environment;
        }
    }

    final String name;
    final String title;
    final Instant createTime;
    Instant updateTime;
    final List<Stage> stages = new ArrayList<>();

    RolloutRecord(String name, String title, Instant createTime) {
        this.name = name;
        this.title = title;
        this.createTime = createTime;
        this.updateTime = createTime;
    }

    Optional<Stage> stage(String id) {
        return stages.stream().filter(s -> s.id.equals(id)).findFirst();
    }

    Optional<TaskRecord> task(String taskName) {
        return stages.stream()
                .flatMap(s -> s.tasks.stream())
                .filter(t -> t.name.equals(taskName))
                .findFirst();
    }

    List<TaskRecord> tasks() {
        return stages.stream().flatMap(s -> s.tasks.stream()).toList();
    }
}
