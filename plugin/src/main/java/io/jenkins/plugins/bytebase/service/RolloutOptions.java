package io.jenkins.plugins.bytebase.service;

import java.util.List;

/**
 * What a rollout needs, as plain values: built by the Pipeline step and the freestyle builder, so that the runner
 * depends on neither.
 *
 * @param server a configured server's name, or {@code null} for the first one
 * @param credentialsId overrides the server's credentials, or {@code null}
 * @param project {@code projects/hr} or {@code hr}
 * @param targets databases or one database group (not used with {@code plan})
 * @param filePattern the migration files, relative to the workspace (not used with {@code plan})
 * @param declarative state-based schema files instead of versioned migrations
 * @param plan a plan to continue instead of creating a release, or {@code null}
 * @param targetStage the last environment to run, or {@code null} to only create the rollout
 * @param timeoutMinutes how long to wait for the rollout; 0 waits as long as it takes
 * @param cancelOnAbort cancel the pending and running task runs when the build is aborted
 * @param releaseIdTemplate the server's release id template, or {@code null} for its default
 * @param outputFile the JSON file with the release, plan and rollout names, or {@code null} for none
 */
public record RolloutOptions(
        String server,
        String credentialsId,
        String project,
        List<String> targets,
        String filePattern,
        boolean declarative,
        String plan,
        String targetStage,
        int timeoutMinutes,
        boolean cancelOnAbort,
        String releaseIdTemplate,
        String outputFile) {

    public RolloutOptions {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
