package io.jenkins.plugins.bytebase.core.report;

import io.jenkins.plugins.bytebase.core.review.ReviewResult;

/** SARIF 2.1.0 of a review, readable by Warnings NG's {@code sarif()} and code-scanning tools. */
public final class SarifReport {

    private SarifReport() {}

    public static String toSarif(ReviewResult result) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
