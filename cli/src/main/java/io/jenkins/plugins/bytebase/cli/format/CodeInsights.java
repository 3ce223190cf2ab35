package io.jenkins.plugins.bytebase.cli.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A review as a Bitbucket Code Insights report with one annotation per finding, shaped as Bitbucket Cloud's reports
 * API documents them. Bitbucket keeps at most {@value #MAX_ANNOTATIONS} annotations per report, so errors come first
 * and the report's details say how many findings were left out.
 *
 * @param report the body of {@code PUT …/commit/{commit}/reports/{id}}
 * @param annotations in the order to send, at most {@value #MAX_ANNOTATIONS}
 * @param leftOut findings beyond the limit
 */
public record CodeInsights(Report report, List<Annotation> annotations, int leftOut) {

    /** The report's id in its commit, and its reporter. */
    public static final String REPORT_ID = "bytebase";

    /** Bitbucket's limit of annotations per report. */
    public static final int MAX_ANNOTATIONS = 1000;

    /** Bitbucket's limit of characters in an annotation's summary. */
    static final int MAX_SUMMARY = 450;

    /** A generous bound on details, which Bitbucket shows in a dialog. */
    static final int MAX_DETAILS = 2000;

    public static CodeInsights of(ReviewResult result, Verdict verdict) {
        List<LocatedFinding> findings = new ArrayList<>(LocatedFinding.of(result));
        // Stable: the server's order within each level.
        findings.sort(Comparator.comparing(located -> located.isError() ? 0 : 1));
        int leftOut = Math.max(0, findings.size() - MAX_ANNOTATIONS);
        List<Annotation> annotations = new ArrayList<>();
        for (LocatedFinding located : findings.subList(0, findings.size() - leftOut)) {
            annotations.add(annotation(annotations.size() + 1, located));
        }
        return new CodeInsights(report(result, verdict, leftOut), List.copyOf(annotations), leftOut);
    }

    private static Report report(ReviewResult result, Verdict verdict, int leftOut) {
        String details = verdict.reason() + ". " + plural(result.files().size(), "file") + " reviewed against "
                + plural(
                        result.checkedTargets().isEmpty()
                                ? result.targets().size()
                                : result.checkedTargets().size(),
                        "database")
                + " in " + result.project() + ".";
        if (leftOut > 0) {
            details += " " + plural(leftOut, "more finding") + " than Bitbucket's " + MAX_ANNOTATIONS
                    + " annotations per report are not annotated; Bytebase and the --output file have them all.";
        }
        String link = isWebLink(result.reportUrl()) ? result.reportUrl() : null;
        List<DataField> data = new ArrayList<>();
        data.add(new DataField("Errors", "NUMBER", result.errors()));
        data.add(new DataField("Warnings", "NUMBER", result.warnings()));
        data.add(new DataField("Risk", "TEXT", label(result.highestRisk().name())));
        data.add(new DataField("Affected rows", "NUMBER", result.affectedRows()));
        if (link != null) {
            data.add(new DataField("Bytebase", "LINK", new Link(result.project(), link)));
        }
        return new Report(
                "Bytebase SQL review",
                cut(details, MAX_DETAILS),
                "BUG",
                "Bytebase",
                verdict.failed() ? "FAILED" : "PASSED",
                link,
                List.copyOf(data));
    }

    private static Annotation annotation(int number, LocatedFinding located) {
        Finding finding = located.finding();
        String message = PlainFormat.oneLine(finding.message()).strip();
        String summary = (finding.code() == 0 ? "" : finding.code() + " ") + finding.title() + ": " + message;
        return new Annotation(
                REPORT_ID + "-" + number,
                located.isError() ? "BUG" : "CODE_SMELL",
                finding.title(),
                cut(summary, MAX_SUMMARY),
                cut(message + " (" + located.target() + ")", MAX_DETAILS),
                located.isError() ? "HIGH" : "MEDIUM",
                located.file(),
                located.line(),
                finding.code() == 0 ? null : finding.docUrl());
    }

    /** The annotations in requests of at most {@code size}. */
    public List<List<Annotation>> batches(int size) {
        List<List<Annotation>> batches = new ArrayList<>();
        for (int start = 0; start < annotations.size(); start += size) {
            batches.add(annotations.subList(start, Math.min(annotations.size(), start + size)));
        }
        return batches;
    }

    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String label(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** A Code Insights report; {@code result} is {@code PASSED} or {@code FAILED}, as the check policy says. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(
            String title,
            String details,
            String reportType,
            String reporter,
            String result,
            String link,
            List<DataField> data) {}

    /** One of the report's figures: {@code NUMBER}, {@code TEXT}, or {@code LINK} with {@code text} and {@code href}. */
    public record DataField(String title, String type, Object value) {}

    /** The value of a {@code LINK} field. */
    public record Link(String text, String href) {}

    /** A finding on a line: {@code severity} {@code HIGH} for errors and {@code MEDIUM} for warnings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Annotation(
            String externalId,
            String annotationType,
            String title,
            String summary,
            String details,
            String severity,
            String path,
            int line,
            String link) {}
}
