package io.jenkins.plugins.bytebase.service;

import java.util.List;

/**
 * What a review needs, as plain values: built by the Pipeline step and the freestyle builder, so that the runner
 * depends on neither.
 *
 * @param server a configured server's name, or {@code null} for the first one
 * @param credentialsId overrides the server's credentials, or {@code null}
 * @param project {@code projects/hr} or {@code hr}
 * @param targets databases or one database group
 * @param filePattern the migration files, relative to the workspace
 * @param declarative state-based schema files instead of versioned migrations
 * @param checkRelease a {@link io.jenkins.plugins.bytebase.core.review.CheckPolicy} name
 * @param warningResult {@code UNSTABLE}, {@code SUCCESS} or {@code FAILURE}: the result when findings pass the check
 * @param sarifFile the SARIF report's path in the workspace
 * @param jsonFile the JSON report's path in the workspace
 * @param markdownFile the Markdown summary's path in the workspace, or {@code null} for none
 * @param publishChecks publish the check when the Checks API plugin is active
 * @param customRules natural-language review rules, or {@code null}
 */
public record ReviewOptions(
        String server,
        String credentialsId,
        String project,
        List<String> targets,
        String filePattern,
        boolean declarative,
        String checkRelease,
        String warningResult,
        String sarifFile,
        String jsonFile,
        String markdownFile,
        boolean publishChecks,
        String customRules) {

    public ReviewOptions {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
