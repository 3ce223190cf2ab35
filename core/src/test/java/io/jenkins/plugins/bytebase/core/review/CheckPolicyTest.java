package io.jenkins.plugins.bytebase.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPolicyTest {

    @Test
    void shouldNeverFailUnderSkip() {
        Verdict verdict = CheckPolicy.SKIP.evaluate(result(1, 1));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASSED_WITH_FINDINGS);
        assertThat(verdict.reason()).isEqualTo("1 warning, 1 error: SKIP lets the check pass");
    }

    @Test
    void shouldFailOnErrorsOnlyUnderFailOnError() {
        assertThat(CheckPolicy.FAIL_ON_ERROR.evaluate(result(0, 2)).outcome())
                .isEqualTo(Verdict.Outcome.PASSED_WITH_FINDINGS);
        Verdict verdict = CheckPolicy.FAIL_ON_ERROR.evaluate(result(1, 0));
        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.reason()).isEqualTo("0 warnings, 1 error: FAIL_ON_ERROR fails the check");
    }

    @Test
    void shouldFailOnWarningsUnderFailOnWarning() {
        Verdict verdict = CheckPolicy.FAIL_ON_WARNING.evaluate(result(0, 1));

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.reason()).isEqualTo("1 warning, 0 errors: FAIL_ON_WARNING fails the check");
    }

    @Test
    void shouldPassACleanReviewUnderEveryPolicy() {
        for (CheckPolicy policy : CheckPolicy.values()) {
            assertThat(policy.evaluate(result(0, 0)).outcome()).isEqualTo(Verdict.Outcome.PASSED);
        }
    }

    private static ReviewResult result(int errors, int warnings) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < errors; i++) {
            findings.add(new Finding(Severity.ERROR, 201, "SYNTAX", "bad", 1, 0, 0, 0, false));
        }
        for (int i = 0; i < warnings; i++) {
            findings.add(new Finding(Severity.WARNING, 402, "COLUMN_NO_NULL", "null", 3, 0, 0, 0, false));
        }
        findings.add(new Finding(Severity.SUCCESS, 0, "OK", "ok", 1, 0, 0, 0, false));
        FileReview review = new FileReview("a.sql", "instances/i/databases/d", ChangeType.DDL, findings, 0, Risk.LOW);
        return new ReviewResult(
                "projects/p", List.of("instances/i/databases/d"), List.of(review), List.of(), 0, Risk.LOW, "");
    }
}
