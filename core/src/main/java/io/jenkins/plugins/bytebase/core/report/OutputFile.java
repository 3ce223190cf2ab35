package io.jenkins.plugins.bytebase.core.report;

import io.jenkins.plugins.bytebase.core.review.ReviewResult;

/**
 * The content of {@code bytebase-action}'s {@code --output} file: keys {@code release}, {@code plan},
 * {@code rollout}, {@code checkResults}; empty keys are left out.
 */
public record OutputFile(String release, String plan, String rollout, ReviewResult checkResults) {}
