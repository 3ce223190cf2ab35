package io.jenkins.plugins.bytebase.service;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Severity;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import io.jenkins.plugins.checks.api.ChecksAnnotation;
import io.jenkins.plugins.checks.api.ChecksAnnotation.ChecksAnnotationLevel;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the review as the check "Bytebase SQL Review" with line annotations. The only class that refers to the
 * optional checks-api plugin; loaded only when that plugin is active.
 */
final class ReviewChecks {

    static final String CHECK_NAME = "Bytebase SQL Review";

    /** GitHub accepts at most 50 annotations per request. */
    static final int BATCH_SIZE = 50;

    private ReviewChecks() {}

    static void publish(Run<?, ?> run, TaskListener listener, ReviewResult result, Verdict verdict) {
        List<ChecksAnnotation> annotations = new ArrayList<>();
        for (FileReview review : result.reviews()) {
            for (Finding finding : review.issues()) {
                annotations.add(annotation(review, finding));
            }
        }
        ChecksPublisher publisher = ChecksPublisherFactory.fromRun(run, listener);
        String title = Messages.ReviewChecks_Title(result.errors(), result.warnings());
        String summary = verdict.reason();
        int batches = Math.max(1, (annotations.size() + BATCH_SIZE - 1) / BATCH_SIZE);
        for (int batch = 0; batch < batches; batch++) {
            int from = batch * BATCH_SIZE;
            int to = Math.min(annotations.size(), from + BATCH_SIZE);
            ChecksOutput output = new ChecksOutput.ChecksOutputBuilder()
                    .withTitle(title)
                    .withSummary(summary)
                    .withAnnotations(annotations.subList(from, to))
                    .build();
            publisher.publish(new ChecksDetails.ChecksDetailsBuilder()
                    .withName(CHECK_NAME)
                    .withStatus(ChecksStatus.COMPLETED)
                    .withConclusion(conclusion(verdict))
                    .withOutput(output)
                    .build());
        }
    }

    private static ChecksAnnotation annotation(FileReview review, Finding finding) {
        int line = Math.max(1, finding.line());
        int endLine = finding.endLine() >= line ? finding.endLine() : line;
        return new ChecksAnnotation.ChecksAnnotationBuilder()
                .withPath(review.file())
                .withStartLine(line)
                .withEndLine(endLine)
                .withAnnotationLevel(level(finding.severity()))
                .withTitle(finding.code() + " " + finding.title())
                .withMessage(finding.message() + " [" + review.target() + "]\n" + finding.docUrl())
                .build();
    }

    private static ChecksAnnotationLevel level(Severity severity) {
        switch (severity) {
            case ERROR:
                return ChecksAnnotationLevel.FAILURE;
            case WARNING:
                return ChecksAnnotationLevel.WARNING;
            default:
                return ChecksAnnotationLevel.NOTICE;
        }
    }

    private static ChecksConclusion conclusion(Verdict verdict) {
        switch (verdict.outcome()) {
            case FAILED:
                return ChecksConclusion.FAILURE;
            case PASSED_WITH_FINDINGS:
                return ChecksConclusion.NEUTRAL;
            default:
                return ChecksConclusion.SUCCESS;
        }
    }
}
