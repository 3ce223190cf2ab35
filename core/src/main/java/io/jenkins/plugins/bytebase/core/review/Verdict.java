package io.jenkins.plugins.bytebase.core.review;

/**
 * What a policy says about a review.
 *
 * @param outcome passed, passed with warnings, or failed
 * @param reason one sentence for the console, e.g. "1 warning, 0 errors: FAIL_ON_WARNING fails the check"
 */
public record Verdict(Outcome outcome, String reason) {

    public enum Outcome {
        /** No findings above the policy's threshold and no warnings. */
        PASSED,
        /** Warnings (or errors under SKIP) that the policy lets through; a front end may mark the build unstable. */
        PASSED_WITH_FINDINGS,
        /** The policy fails the check. */
        FAILED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
