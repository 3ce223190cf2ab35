package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.cli.format.AzureDevOpsFormat;
import io.jenkins.plugins.bytebase.cli.format.GitHubAnnotations;
import io.jenkins.plugins.bytebase.cli.format.GitLabCodeQuality;
import io.jenkins.plugins.bytebase.cli.format.PlainFormat;
import io.jenkins.plugins.bytebase.core.report.MarkdownSummary;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import java.nio.file.Path;

/** Shows review findings the way the CI system in use understands them. */
final class PlatformReporter {

    private final Platform platform;
    private final CliEnvironment environment;

    PlatformReporter(Platform platform, CliEnvironment environment) {
        this.platform = platform;
        this.environment = environment;
    }

    void report(ReviewResult result) {
        switch (platform) {
            case GITHUB -> {
                environment.out().print(GitHubAnnotations.format(result));
                String summary = environment.variable("GITHUB_STEP_SUMMARY");
                if (summary != null) {
                    ReportFiles.append(Path.of(summary), MarkdownSummary.render(result) + "\n");
                }
            }
            case GITLAB -> {
                environment.out().print(PlainFormat.format(result));
                Path report = environment.resolve(GitLabCodeQuality.FILE_NAME);
                ReportFiles.write(report, GitLabCodeQuality.format(result));
                environment.err().println("Code Quality report: " + report);
            }
            case AZURE -> environment.out().print(AzureDevOpsFormat.format(result));
            default -> environment.out().print(PlainFormat.format(result));
        }
        environment.out().flush();
    }
}
