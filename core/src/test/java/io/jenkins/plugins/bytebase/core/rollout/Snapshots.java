package io.jenkins.plugins.bytebase.core.rollout;

import java.util.Arrays;
import java.util.List;

/** Builds rollout snapshots for tests: {@code stage("test", task(1, DONE))}. */
final class Snapshots {

    static final String PLAN = "projects/p/plans/1";
    static final String URL = "http://bb/";

    private Snapshots() {}

    static RolloutSnapshot rollout(StageSnapshot... stages) {
        return new RolloutSnapshot(
                "", "", PLAN, URL + PLAN, PLAN + "/rollout", URL + PLAN + "/rollout", Arrays.asList(stages));
    }

    static StageSnapshot stage(String id, TaskSnapshot... tasks) {
        String name = PLAN + "/rollout/stages/" + id;
        List<TaskSnapshot> named = Arrays.stream(tasks)
                .map(task -> new TaskSnapshot(
                        name + "/tasks/" + task.name(),
                        "instances/" + id + "/databases/hr_" + id,
                        task.state(),
                        task.detail(),
                        URL + name + "/tasks/" + task.name()))
                .toList();
        return new StageSnapshot(name, "environments/" + id, named, URL + name);
    }

    static TaskSnapshot task(int id, TaskState state) {
        return new TaskSnapshot(String.valueOf(id), "", state, "", "");
    }
}
