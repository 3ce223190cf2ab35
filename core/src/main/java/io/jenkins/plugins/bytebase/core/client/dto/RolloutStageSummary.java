package io.jenkins.plugins.bytebase.core.client.dto;

import java.util.List;

/** {@code bytebase.v1.Plan.RolloutStageSummary}. */
public record RolloutStageSummary(String stage, List<TaskStatusCount> taskStatusCounts) {

    public RolloutStageSummary {
        taskStatusCounts = taskStatusCounts == null ? List.of() : List.copyOf(taskStatusCounts);
    }
}
