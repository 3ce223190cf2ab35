package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import java.time.Duration;
import java.util.List;

/**
 * What to roll out: either new files ({@code migrations} and {@code targets}) or an existing {@code plan}.
 *
 * @param project {@code projects/p}
 * @param targets databases or one database group; ignored when {@code plan} is set
 * @param migrations the files; ignored when {@code plan} is set
 * @param plan {@code projects/p/plans/123} to continue, or {@code null} to create release, plan and rollout
 * @param targetStage {@code environments/x}: run every stage up to and including it; {@code null}: only create
 * @param releaseIdTemplate or {@code null} for the server's default
 * @param releaseIdTimezone or {@code null} for the server's default
 * @param timeout overall limit of the wait, or {@code null} for none
 */
public record RolloutRequest(
        String project,
        List<String> targets,
        MigrationSet migrations,
        String plan,
        String targetStage,
        String releaseIdTemplate,
        String releaseIdTimezone,
        Duration timeout) {

    public RolloutRequest {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
