package io.jenkins.plugins.bytebase.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitLabCodeQualityTest {

    @Test
    void shouldWriteOneCodeQualityIssuePerFindingWithGitLabSeverities() {
        assertThat(GitLabCodeQuality.format(ReviewFixtures.mixed()))
                .isEqualTo(
                        """
                        [ {
                          "description" : "COLUMN_NO_NULL (402): Column \\"name\\" in public.t1 cannot have NULL value \
                        (instances/test-sample-instance/databases/hr_test)",
                          "check_name" : "COLUMN_NO_NULL",
                          "fingerprint" : "%s",
                          "severity" : "minor",
                          "location" : {
                            "path" : "migrations/1.0.0_create_t1.sql",
                            "lines" : {
                              "begin" : 3
                            }
                          }
                        }, {
                          "description" : "STATEMENT_WHERE_REQUIRE_UPDATE_DELETE (202): \\"DELETE FROM t1\\" requires \
                        WHERE clause,\\n100%% of rows: gone (instances/test-sample-instance/databases/hr_test)",
                          "check_name" : "STATEMENT_WHERE_REQUIRE_UPDATE_DELETE",
                          "fingerprint" : "%s",
                          "severity" : "critical",
                          "location" : {
                            "path" : "migrations/1.1.0_purge;t1]_dml.sql",
                            "lines" : {
                              "begin" : 1
                            }
                          }
                        } ]
                        """
                                .formatted(
                                        "9d6d87ba4ae95df8a39822521aa7d8247574d5e6ba24bd4632d8f6a87afc72f3",
                                        "77a5d698df9bbf2d20b36299b2ef32291adb47185674f53a7521434d98c6d6a8"));
    }

    @Test
    void shouldWriteAnEmptyListForACleanReview() {
        ReviewResult clean = new ReviewResult("projects/p", List.of("t"), List.of(), List.of(), 0, Risk.NONE, "");

        assertThat(GitLabCodeQuality.format(clean)).isEqualTo("[ ]\n");
    }

    @Test
    void shouldKeepTheFingerprintStableAndDistinctPerFinding() {
        String first = GitLabCodeQuality.format(ReviewFixtures.mixed());
        String again = GitLabCodeQuality.format(ReviewFixtures.mixed());

        assertThat(first).isEqualTo(again);
        assertThat(first.lines()
                        .filter(line -> line.contains("\"fingerprint\""))
                        .distinct())
                .hasSize(2);
    }
}
