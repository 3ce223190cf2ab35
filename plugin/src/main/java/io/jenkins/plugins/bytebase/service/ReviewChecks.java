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

    private ReviewChecks() {}

    static void publish(Run<?, ?> run, TaskListener listener, ReviewResult result, Verdict verdict) {
        ChecksPublisherFactory.fromRun(run, listener).publish(details(result, verdict));
    }

    /**
     * One completed check holding every finding, published once. GitHub takes at most 50 annotations per request,
     * but the split is the publisher's job: checks-api's model has no limit, and the GitHub Checks plugin's publisher
     * hands the whole output to github-api's {@code GHCheckRunBuilder}, which sends the first 50 with the check and
     * the rest in updates of 50.
     */
    static ChecksDetails details(ReviewResult result, Verdict verdict) {
        List<ChecksAnnotation> annotations = new ArrayList<>();
        for (FileReview review : result.reviews()) {
            for (Finding finding : review.issues()) {
                annotations.add(annotation(review, finding));
            }
        }
        ChecksOutput output = new ChecksOutput.ChecksOutputBuilder()
                .withTitle(Messages.ReviewChecks_Title(result.errors(), result.warnings()))
                .withSummary(verdict.reason())
                .withAnnotations(annotations)
                .build();
        return new ChecksDetails.ChecksDetailsBuilder()
                .withName(CHECK_NAME)
                .withStatus(ChecksStatus.COMPLETED)
                .withConclusion(conclusion(verdict))
                .withOutput(output)
                .build();
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
