package io.jenkins.plugins.bytebase.core.rollout;

import java.io.Serializable;
import java.util.List;

/**
 * One stage as last seen.
 *
 * @param name {@code projects/p/plans/1/rollout/stages/test}
 * @param environment {@code environments/test}
 * @param tasks its tasks
 * @param url its Bytebase page
 */
public record StageSnapshot(String name, String environment, List<TaskSnapshot> tasks, String url)
        implements Serializable {

    public StageSnapshot {
        tasks = List.copyOf(tasks);
    }

    /** Every task done or skipped (or no task at all). */
    public boolean isComplete() {
        return tasks.stream().allMatch(task -> task.state() == TaskState.DONE || task.state() == TaskState.SKIPPED);
    }
}
