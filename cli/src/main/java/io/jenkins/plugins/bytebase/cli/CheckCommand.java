package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.report.MarkdownSummary;
import io.jenkins.plugins.bytebase.core.report.OutputFile;
import io.jenkins.plugins.bytebase.core.report.SarifReport;
import io.jenkins.plugins.bytebase.core.review.CheckPolicy;
import io.jenkins.plugins.bytebase.core.review.ReviewRequest;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.ReviewService;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "SQL review of the migration files (Bytebase releases:check), for pull requests.",
            "Findings are printed the way the CI system shows them (see --platform)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  export BYTEBASE_SERVICE_ACCOUNT=ci@service.bytebase.com",
            "  export BYTEBASE_SERVICE_ACCOUNT_SECRET=...   # from your CI's secret store",
            "  java -jar bytebase-gitops.jar check --url https://bytebase.example.com \\",
            "      --project projects/hr --targets instances/prod/databases/hr \\",
            "      --file-pattern 'migrations/*.sql' --check-release FAIL_ON_ERROR --output check.json",
            "",
            "Exit codes: 0 passed (or SKIP), 1 the policy failed or Bytebase could not be used, 2 bad usage.%n"
        })
final class CheckCommand implements Callable<Integer> {

    private final CliEnvironment environment;
    private final Redactor redactor;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = "--check-release",
            paramLabel = "<policy>",
            defaultValue = "SKIP",
            description =
                    "When the check fails: SKIP (never), FAIL_ON_WARNING, FAIL_ON_ERROR. Default: ${DEFAULT-VALUE}.")
    CheckPolicy checkRelease;

    @Option(
            names = "--custom-rules",
            paramLabel = "<text>",
            description = "Natural-language rules for Bytebase's AI-powered review.")
    String customRules;

    @Option(names = "--sarif", paramLabel = "<file>", description = "Also write the findings as SARIF 2.1.0.")
    String sarif;

    @Option(names = "--markdown", paramLabel = "<file>", description = "Also write a Markdown summary.")
    String markdown;

    @Option(
            names = "--bitbucket-proxy",
            paramLabel = "<host:port>",
            defaultValue = "localhost:29418",
            description = "Bitbucket Pipelines' authenticating proxy, through which the Code Insights report and the"
                    + " pull request's author go. Default: ${DEFAULT-VALUE}.")
    String bitbucketProxy;

    CheckCommand(CliEnvironment environment, Redactor redactor) {
        this.environment = environment;
        this.redactor = redactor;
    }

    @Override
    public Integer call() {
        String project = ClientSettings.project(connection.project);
        List<String> targets = ClientSettings.targets(project, connection.targets);
        String pattern = ClientSettings.filePattern(connection.filePattern);
        Path root = ClientSettings.root(connection, environment);
        Platform platform = connection.platform.resolve(environment);
        PullRequestIntegration pullRequest = new PullRequestIntegration(
                platform, environment, redactor, PullRequestIntegration.proxyAddress(bitbucketProxy));
        BytebaseClient client = ClientSettings.client(connection, environment, redactor);

        ReviewResult[] result = {null};
        int exitCode;
        try {
            exitCode = review(client, project, targets, pattern, root, platform, pullRequest, result);
        } catch (RuntimeException e) {
            OutputWriting.writeQuietly(environment, connection.output, new OutputFile(null, null, null, result[0]));
            throw e;
        }
        OutputWriting.write(environment, connection.output, new OutputFile(null, null, null, result[0]));
        return exitCode;
    }

    /** Reviews and reports; {@code reviewed[0]} holds the result as soon as there is one, for the output file. */
    private int review(
            BytebaseClient client,
            String project,
            List<String> targets,
            String pattern,
            Path root,
            Platform platform,
            PullRequestIntegration pullRequest,
            ReviewResult[] reviewed) {
        MigrationSet migrations = MigrationLoader.load(root, pattern, connection.declarative, environment);
        ServerCheck.verify(client, environment);
        environment
                .err()
                .println("Reviewing "
                        + MigrationLoader.plural(migrations.files().size(), "file") + " against "
                        + String.join(", ", targets) + " in " + project);
        ReviewResult result = new ReviewService(client)
                .review(new ReviewRequest(project, targets, migrations, customRules, pullRequest.author()));
        reviewed[0] = result;
        Verdict verdict = checkRelease.evaluate(result);
        // Reports first, verdict second, so that a failed check still shows its findings.
        new PlatformReporter(platform, environment).report(result);
        pullRequest.publish(result, verdict);
        writeExtraReports(result);
        environment.err().println("SQL review: " + verdict.reason());
        return verdict.failed() ? 1 : 0;
    }

    private void writeExtraReports(ReviewResult result) {
        if (sarif != null) {
            ReportFiles.write(environment.resolve(sarif), SarifReport.toSarif(result));
        }
        if (markdown != null) {
            ReportFiles.write(environment.resolve(markdown), MarkdownSummary.render(result));
        }
    }
}
