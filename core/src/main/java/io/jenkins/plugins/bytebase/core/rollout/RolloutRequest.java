package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
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
 * @param vcsSource the commit the files come from (shown on the release in Bytebase), or {@code null}
 */
public record RolloutRequest(
        String project,
        List<String> targets,
        MigrationSet migrations,
        String plan,
        String targetStage,
        String releaseIdTemplate,
        String releaseIdTimezone,
        Duration timeout,
        VcsSource vcsSource) {

    public RolloutRequest {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A request whose release names no VCS source (a CI system Bytebase has no VCS type for, such as Jenkins). */
    public RolloutRequest(
            String project,
            List<String> targets,
            MigrationSet migrations,
            String plan,
            String targetStage,
            String releaseIdTemplate,
            String releaseIdTimezone,
            Duration timeout) {
        this(project, targets, migrations, plan, targetStage, releaseIdTemplate, releaseIdTimezone, timeout, null);
    }
}
