package io.jenkins.plugins.bytebase.core.review;

import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import java.util.List;

/**
 * What to review.
 *
 * @param project {@code projects/p}
 * @param targets databases ({@code instances/i/databases/d}) or exactly one group ({@code projects/p/databaseGroups/g})
 * @param migrations the files
 * @param customRules natural-language AI lint rules, or {@code null}
 * @param vcsUser the pull request's author, sent for Bytebase's count of VCS users, or {@code null}
 */
public record ReviewRequest(
        String project, List<String> targets, MigrationSet migrations, String customRules, VcsUser vcsUser) {

    public ReviewRequest {
        targets = List.copyOf(targets);
    }

    /** A request without a pull-request author. */
    public ReviewRequest(String project, List<String> targets, MigrationSet migrations, String customRules) {
        this(project, targets, migrations, customRules, null);
    }
}
