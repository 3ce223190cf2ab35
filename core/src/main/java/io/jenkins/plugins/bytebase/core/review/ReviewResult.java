package io.jenkins.plugins.bytebase.core.review;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of one SQL review: our own model, safe to store (it holds no API objects).
 *
 * @param project e.g. {@code projects/hr}
 * @param targets the databases or database group reviewed against
 * @param reviews one entry per (file, target) the server checked
 * @param skippedFiles warnings about files left out before the request
 * @param affectedRows total estimated affected rows
 * @param risk overall risk level
 * @param reportUrl a Bytebase page to open for more, or empty
 */
public record ReviewResult(
        String project,
        List<String> targets,
        List<FileReview> reviews,
        List<String> skippedFiles,
        long affectedRows,
        Risk risk,
        String reportUrl)
        implements Serializable {

    public ReviewResult {
        targets = List.copyOf(targets);
        reviews = List.copyOf(reviews);
        skippedFiles = List.copyOf(skippedFiles);
    }

    public int count(Severity severity) {
        return (int) reviews.stream()
                .flatMap(review -> review.findings().stream())
                .filter(finding -> finding.severity() == severity)
                .count();
    }

    public int errors() {
        return count(Severity.ERROR);
    }

    public int warnings() {
        return count(Severity.WARNING);
    }
}
