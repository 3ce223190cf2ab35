package io.jenkins.plugins.bytebase.core.review;

import java.io.Serializable;

/**
 * One advice of the SQL review.
 *
 * @param severity error, warning, ...
 * @param code the advisor code, e.g. 402
 * @param title the rule, e.g. {@code COLUMN_NO_NULL}
 * @param message the server's sentence
 * @param line 1-based (a line below 1 is reported as 1)
 * @param column 1-based code points, 0 when unknown
 * @param endLine 0 when unknown
 * @param endColumn 0 when unknown
 * @param aiPowered whether the rule is an AI-powered custom rule
 */
public record Finding(
        Severity severity,
        int code,
        String title,
        String message,
        int line,
        int column,
        int endLine,
        int endColumn,
        boolean aiPowered)
        implements Serializable {

    /** Whether a report shows it: a {@code SUCCESS} advice says a check passed, it is no issue. */
    public boolean isIssue() {
        return severity != Severity.SUCCESS;
    }

    /** Bytebase's documentation of the code. */
    public String docUrl() {
        return "https://docs.bytebase.com/sql-review/error-codes#" + code;
    }
}
