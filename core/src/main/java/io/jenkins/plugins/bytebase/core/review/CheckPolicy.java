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
        int errors = result.errors();
        int warnings = result.warnings();
        String counts = plural(warnings, "warning") + ", " + plural(errors, "error") + ": ";
        boolean failed =
                switch (this) {
                    case SKIP -> false;
                    case FAIL_ON_ERROR -> errors > 0;
                    case FAIL_ON_WARNING -> errors > 0 || warnings > 0;
                };
        if (failed) {
            return new Verdict(Verdict.Outcome.FAILED, counts + name() + " fails the check");
        }
        if (errors > 0 || warnings > 0) {
            return new Verdict(Verdict.Outcome.PASSED_WITH_FINDINGS, counts + name() + " lets the check pass");
        }
        return new Verdict(Verdict.Outcome.PASSED, counts + "the check passes (" + name() + ")");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
