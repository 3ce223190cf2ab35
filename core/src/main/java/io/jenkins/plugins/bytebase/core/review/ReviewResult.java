package io.jenkins.plugins.bytebase.core.review;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Every finding that is an issue (no {@code SUCCESS} advices). */
    public int issueCount() {
        return reviews.stream().mapToInt(review -> review.issues().size()).sum();
    }

    /** The distinct files reviewed, in the server's order. */
    public List<String> files() {
        return reviews.stream().map(FileReview::file).distinct().toList();
    }

    /** The distinct targets the server checked, in its order (a database group expands to databases). */
    public List<String> checkedTargets() {
        return reviews.stream().map(FileReview::target).distinct().toList();
    }

    /** The reviews grouped by file, files in the server's order. */
    public Map<String, List<FileReview>> byFile() {
        Map<String, List<FileReview>> grouped = new LinkedHashMap<>();
        reviews.forEach(review -> grouped.computeIfAbsent(review.file(), file -> new ArrayList<>())
                .add(review));
        grouped.replaceAll((file, list) -> List.copyOf(list));
        return grouped;
    }

    /** The highest risk of the whole result and of every (file, target) entry. */
    public Risk highestRisk() {
        Risk highest = risk == null ? Risk.NONE : risk;
        for (FileReview review : reviews) {
            highest = Risk.max(highest, review.risk());
        }
        return highest;
    }
}
