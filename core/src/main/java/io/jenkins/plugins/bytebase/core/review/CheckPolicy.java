package io.jenkins.plugins.bytebase.core.review;

/** When a review fails, named as {@code bytebase-action}'s {@code --check-release}. */
public enum CheckPolicy {
    /** Never fails. */
    SKIP,
    /** Fails on any error or warning. */
    FAIL_ON_WARNING,
    /** Fails on any error. */
    FAIL_ON_ERROR;

    /** The verdict of this policy on a result. */
    public Verdict evaluate(ReviewResult result) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
