package io.jenkins.plugins.bytebase.core.report;

import io.jenkins.plugins.bytebase.core.review.ReviewResult;

/** A Markdown summary of a review, fit for a pull-request comment or a CI step summary. */
public final class MarkdownSummary {

    private MarkdownSummary() {}

    public static String render(ReviewResult result) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
