package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import hudson.FilePath;
import hudson.PluginWrapper;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.actions.ReviewAction;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.report.JsonOutputWriter;
import io.jenkins.plugins.bytebase.core.report.MarkdownSummary;
import io.jenkins.plugins.bytebase.core.report.OutputFile;
import io.jenkins.plugins.bytebase.core.report.SarifReport;
import io.jenkins.plugins.bytebase.core.review.CheckPolicy;
import io.jenkins.plugins.bytebase.core.review.ReviewRequest;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.ReviewService;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.Jenkins;

/** The SQL review for both front ends: the Pipeline step and the freestyle builder pass their {@link ReviewOptions}. */
public final class ReviewRunner {

    private ReviewRunner() {}

    /**
     * Reviews, reports (console, build action, files, checks) and applies the policy.
     *
     * @return the values the step returns ({@code errors}, {@code warnings}, {@code findings}, {@code riskLevel},
     *     {@code reportUrl}, {@code sarifFile}, {@code jsonFile}, {@code passed}) and, when the build was marked
     *     UNSTABLE, why
     * @throws AbortException when the input is wrong, Bytebase fails, or the policy fails the check (after reporting)
     */
    public static ReviewOutcome run(ReviewOptions options, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        String project = OptionChecks.project(options.project());
        String pattern = OptionChecks.required(options.filePattern(), Messages.ReviewRunner_FilePatternRequired());
        OptionChecks.targets(options.targets());
        if (workspace == null) {
            throw new AbortException(Messages.ReviewRunner_NoWorkspace());
        }
        MigrationSet migrations = WorkspaceFiles.read(workspace, pattern, options.declarative(), listener);
        BytebaseClient client = Connections.client(options.server(), options.credentialsId(), run, listener);

        ReviewResult result;
        try {
            result = new ReviewService(client)
                    .review(new ReviewRequest(project, options.targets(), migrations, options.customRules()));
        } catch (BytebaseException | IllegalArgumentException e) {
            // IllegalArgumentException: a target or project name the engine refuses before any request.
            throw new AbortException(Messages.ReviewRunner_Failed(e.getMessage()));
        }
        Verdict verdict = CheckPolicy.valueOf(options.checkRelease()).evaluate(result);
        ReviewAction page = ReviewAction.create(run, result, verdict, migrations.files());
        run.addAction(page);
        ConsoleLog.printFindings(listener, result, page);

        writeReports(options, workspace, result, listener);
        if (options.publishChecks() && checksApiInstalled()) {
            ReviewChecks.publish(run, listener, result, verdict);
        }

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("errors", result.errors());
        values.put("warnings", result.warnings());
        values.put("findings", result.issueCount());
        values.put("riskLevel", String.valueOf(result.risk()));
        values.put("reportUrl", result.reportUrl() == null ? "" : result.reportUrl());
        values.put("sarifFile", options.sarifFile());
        values.put("jsonFile", options.jsonFile());
        // True whenever the policy lets the check pass, findings or not; a failing policy never returns.
        values.put("passed", !verdict.failed());
        return new ReviewOutcome(values, applyVerdict(options, run, verdict, listener));
    }

    /** @return the reason when the build was marked UNSTABLE, else {@code null} */
    private static String applyVerdict(ReviewOptions options, Run<?, ?> run, Verdict verdict, TaskListener listener)
            throws AbortException {
        listener.getLogger().println(Messages.ReviewRunner_Verdict(verdict.reason()));
        if (verdict.failed()) {
            throw new AbortException(Messages.ReviewRunner_PolicyFailed(verdict.reason()));
        }
        if (verdict.outcome() == Verdict.Outcome.PASSED_WITH_FINDINGS) {
            String warningResult = options.warningResult();
            if ("FAILURE".equals(warningResult)) {
                throw new AbortException(Messages.ReviewRunner_PolicyFailed(verdict.reason()));
            }
            if ("UNSTABLE".equals(warningResult)) {
                run.setResult(Result.UNSTABLE);
                return verdict.reason();
            }
        }
        return null;
    }

    private static void writeReports(
            ReviewOptions options, FilePath workspace, ReviewResult result, TaskListener listener)
            throws IOException, InterruptedException {
        WorkspaceFiles.write(workspace, options.sarifFile(), SarifReport.toSarif(result), listener);
        WorkspaceFiles.write(
                workspace,
                options.jsonFile(),
                JsonOutputWriter.toJson(new OutputFile(null, null, null, result)),
                listener);
        if (options.markdownFile() != null) {
            WorkspaceFiles.write(workspace, options.markdownFile(), MarkdownSummary.render(result), listener);
        }
    }

    /** The optional checks-api plugin: only then is {@link ReviewChecks} (and checks-api) loaded. */
    private static boolean checksApiInstalled() {
        PluginWrapper plugin = Jenkins.get().getPluginManager().getPlugin("checks-api");
        return plugin != null && plugin.isActive();
    }
}
