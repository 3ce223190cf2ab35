package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code bytebase.v1.Plan}. Requests set {@code title}, {@code description} and {@code specs}; the rest is read
 * only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Plan(
        String name,
        String title,
        String description,
        List<PlanSpec> specs,
        Boolean hasRollout,
        String issue,
        List<RolloutStageSummary> rolloutStageSummaries,
        String creator,
        String createTime,
        String updateTime) {

    public Plan {
        specs = specs == null ? List.of() : List.copyOf(specs);
        rolloutStageSummaries = rolloutStageSummaries == null ? List.of() : List.copyOf(rolloutStageSummaries);
    }

    /** A plan as sent in a create request. */
    public static Plan draft(String title, String description, List<PlanSpec> specs) {
        return new Plan(null, title, description, specs, null, null, null, null, null, null);
    }
}
