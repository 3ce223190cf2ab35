package io.jenkins.plugins.bytebase.core.review;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import java.io.Serializable;
import java.util.List;

/**
 * The findings for one file against one target database.
 *
 * @param file path as sent
 * @param target {@code instances/i/databases/d}
 * @param changeType from the file name
 * @param findings in the server's order
 * @param affectedRows estimated rows the file changes
 * @param risk the risk level
 */
public record FileReview(
        String file, String target, ChangeType changeType, List<Finding> findings, long affectedRows, Risk risk)
        implements Serializable {

    public FileReview {
        findings = List.copyOf(findings);
    }

    public int count(Severity severity) {
        return (int) findings.stream()
                .filter(finding -> finding.severity() == severity)
                .count();
    }

    /** The findings a report shows: everything but the server's {@code SUCCESS} advices. */
    public List<Finding> issues() {
        return findings.stream().filter(Finding::isIssue).toList();
    }
}
