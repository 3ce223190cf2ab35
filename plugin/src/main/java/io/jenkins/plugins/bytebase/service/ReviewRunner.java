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
import io.jenkins.plugins.bytebase.steps.BytebaseReviewStep;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.Jenkins;

/** The SQL review for both front ends: the Pipeline step and the freestyle builder pass the step as parameters. */
public final class ReviewRunner {

    private ReviewRunner() {}

    /**
     * Reviews, reports (console, build action, files, checks) and applies the policy.
     *
     * @return {@code errors}, {@code warnings}, {@code riskLevel}, {@code reportUrl}, {@code sarifFile}, {@code
     *     jsonFile}, {@code passed}: plain values only
     * @throws AbortException when the input is wrong, Bytebase fails, or the policy fails the check (after reporting)
     */
    public static Map<String, Object> run(BytebaseReviewStep step, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        String project = Names.project(require(step.getProject(), Messages.ReviewRunner_ProjectRequired()));
        String pattern = require(step.getFilePattern(), Messages.ReviewRunner_FilePatternRequired());
        if (step.getTargets().isEmpty()) {
            throw new AbortException(Messages.ReviewRunner_TargetsRequired());
        }
        if (workspace == null) {
            throw new AbortException(Messages.ReviewRunner_NoWorkspace());
        }
        MigrationSet migrations = WorkspaceFiles.read(workspace, pattern, step.isDeclarative(), listener);
        BytebaseClient client = Connections.client(step.getServer(), step.getCredentialsId(), run, listener);

        ReviewResult result;
        try {
            result = new ReviewService(client)
                    .review(new ReviewRequest(project, step.getTargets(), migrations, step.getCustomRules()));
        } catch (BytebaseException | IllegalArgumentException e) {
            // IllegalArgumentException: a target or project name the engine refuses before any request.
            throw new AbortException(Messages.ReviewRunner_Failed(e.getMessage()));
        }
        Verdict verdict = CheckPolicy.valueOf(step.getCheckRelease()).evaluate(result);
        ReviewAction page = ReviewAction.create(run, result, verdict, migrations.files());
        run.addAction(page);
        ConsoleLog.printFindings(listener, result, page);

        writeReports(step, workspace, result, listener);
        if (step.isPublishChecks() && checksApiInstalled()) {
            ReviewChecks.publish(run, listener, result, verdict);
        }

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("errors", result.errors());
        values.put("warnings", result.warnings());
        values.put("riskLevel", String.valueOf(result.risk()));
        values.put("reportUrl", result.reportUrl() == null ? "" : result.reportUrl());
        values.put("sarifFile", step.getSarifFile());
        values.put("jsonFile", step.getJsonFile());
        values.put("passed", verdict.outcome() == Verdict.Outcome.PASSED);
        applyVerdict(step, run, verdict, listener);
        return values;
    }

    private static void applyVerdict(BytebaseReviewStep step, Run<?, ?> run, Verdict verdict, TaskListener listener)
            throws AbortException {
        listener.getLogger().println(Messages.ReviewRunner_Verdict(verdict.reason()));
        if (verdict.failed()) {
            throw new AbortException(Messages.ReviewRunner_PolicyFailed(verdict.reason()));
        }
        if (verdict.outcome() == Verdict.Outcome.PASSED_WITH_FINDINGS) {
            String warningResult = step.getWarningResult();
            if ("FAILURE".equals(warningResult)) {
                throw new AbortException(Messages.ReviewRunner_PolicyFailed(verdict.reason()));
            }
            if ("UNSTABLE".equals(warningResult)) {
                run.setResult(Result.UNSTABLE);
            }
        }
    }

    private static void writeReports(BytebaseReviewStep step, FilePath workspace, ReviewResult result, TaskListener listener)
            throws IOException, InterruptedException {
        write(workspace, step.getSarifFile(), SarifReport.toSarif(result), listener);
        write(workspace, step.getJsonFile(), JsonOutputWriter.toJson(new OutputFile(null, null, null, result)), listener);
        if (step.getMarkdownFile() != null) {
            write(workspace, step.getMarkdownFile(), MarkdownSummary.render(result), listener);
        }
    }

    static void write(FilePath workspace, String path, String content, TaskListener listener)
            throws IOException, InterruptedException {
        FilePath target = workspace.child(path);
        FilePath parent = target.getParent();
        if (parent != null) {
            parent.mkdirs();
        }
        target.write(content, "UTF-8");
        listener.getLogger().println(Messages.ReviewRunner_Wrote(path));
    }

    /** The optional checks-api plugin: only then is {@link ReviewChecks} (and checks-api) loaded. */
    private static boolean checksApiInstalled() {
        PluginWrapper plugin = Jenkins.get().getPluginManager().getPlugin("checks-api");
        return plugin != null && plugin.isActive();
    }

    static String require(String value, String message) throws AbortException {
        if (value == null || value.isBlank()) {
            throw new AbortException(message);
        }
        return value.trim();
    }
}
