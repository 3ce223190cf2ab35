package io.jenkins.plugins.bytebase.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.review.Verdict.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckPolicyTest {

    private static ReviewResult fixture(String name) {
        return switch (name) {
            case "clean" -> ReviewFixtures.clean();
            case "warnings" -> ReviewFixtures.warningsOnly();
            case "mixed" -> ReviewFixtures.mixed();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "SKIP,            clean,    PASSED",
        "SKIP,            warnings, PASSED_WITH_FINDINGS",
        "SKIP,            mixed,    PASSED_WITH_FINDINGS",
        "FAIL_ON_ERROR,   clean,    PASSED",
        "FAIL_ON_ERROR,   warnings, PASSED_WITH_FINDINGS",
        "FAIL_ON_ERROR,   mixed,    FAILED",
        "FAIL_ON_WARNING, clean,    PASSED",
        "FAIL_ON_WARNING, warnings, FAILED",
        "FAIL_ON_WARNING, mixed,    FAILED",
    })
    void shouldGiveTheVerdictOfBytebaseAction(CheckPolicy policy, String result, Outcome expected) {
        Verdict verdict = policy.evaluate(fixture(result));

        assertThat(verdict.outcome()).isEqualTo(expected);
        assertThat(verdict.failed()).isEqualTo(expected == Outcome.FAILED);
        assertThat(verdict.reason()).contains(policy.name());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "FAIL_ON_WARNING; warnings; 1 warning, 0 errors: FAIL_ON_WARNING fails the check",
                "FAIL_ON_ERROR;   mixed;    2 warnings, 1 error: FAIL_ON_ERROR fails the check",
                "SKIP;            mixed;    2 warnings, 1 error: SKIP lets the check pass",
                "FAIL_ON_ERROR;   clean;    0 warnings, 0 errors: the check passes (FAIL_ON_ERROR)",
            })
    void shouldExplainTheVerdictWithCounts(CheckPolicy policy, String result, String reason) {
        assertThat(policy.evaluate(fixture(result)).reason()).isEqualTo(reason);
    }

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
