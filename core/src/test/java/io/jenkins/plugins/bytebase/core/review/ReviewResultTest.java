package io.jenkins.plugins.bytebase.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewResultTest {

    @Test
    void shouldCountFindingsFilesAndTargets() {
        ReviewResult result = ReviewFixtures.mixed();

        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.warnings()).isEqualTo(2);
        assertThat(result.issueCount()).isEqualTo(3);
        assertThat(result.files()).containsExactly(ReviewFixtures.CREATE_T1, ReviewFixtures.SEED_T1);
        assertThat(result.checkedTargets()).containsExactly(ReviewFixtures.HR_TEST, ReviewFixtures.HR_PROD);
    }

    @Test
    void shouldGroupReviewsByFileInOrder() {
        var byFile = ReviewFixtures.mixed().byFile();

        assertThat(byFile).containsOnlyKeys(ReviewFixtures.CREATE_T1, ReviewFixtures.SEED_T1);
        assertThat(byFile.get(ReviewFixtures.SEED_T1))
                .extracting(FileReview::target)
                .containsExactly(ReviewFixtures.HR_TEST, ReviewFixtures.HR_PROD);
    }

    @Test
    void shouldNotCountSuccessAdvicesAsIssues() {
        ReviewResult clean = ReviewFixtures.clean();

        assertThat(clean.count(Severity.SUCCESS)).isEqualTo(1);
        assertThat(clean.issueCount()).isZero();
    }

    @Test
    void shouldTakeTheHighestRiskOfTheResultAndItsEntries() {
        ReviewResult result = new ReviewResult(
                "projects/p",
                List.of("t"),
                List.of(
                        new FileReview("a.sql", "t", ChangeType.DDL, List.of(), 0, Risk.MODERATE),
                        new FileReview("b.sql", "t", ChangeType.DDL, List.of(), 0, Risk.LOW)),
                List.of(),
                0,
                Risk.NONE,
                "");

        assertThat(result.highestRisk()).isEqualTo(Risk.MODERATE);
        assertThat(Risk.max(Risk.UNKNOWN, Risk.NONE)).isEqualTo(Risk.UNKNOWN);
        assertThat(Risk.max(Risk.UNKNOWN, Risk.LOW)).isEqualTo(Risk.LOW);
        assertThat(Risk.max(Risk.HIGH, Risk.LOW)).isEqualTo(Risk.HIGH);
    }
}
