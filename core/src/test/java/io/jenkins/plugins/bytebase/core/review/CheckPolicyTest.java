package io.jenkins.plugins.bytebase.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.review.Verdict.Outcome;
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
}
