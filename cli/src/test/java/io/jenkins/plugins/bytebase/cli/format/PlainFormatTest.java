package io.jenkins.plugins.bytebase.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainFormatTest {

    @Test
    void shouldPrintOneCompilerStyleLinePerFindingWithoutUnknownColumns() {
        assertThat(PlainFormat.format(ReviewFixtures.mixed()))
                .isEqualTo("migrations/1.0.0_create_t1.sql:3:1: warning 402 COLUMN_NO_NULL: Column \"name\" in"
                        + " public.t1 cannot have NULL value (instances/test-sample-instance/databases/hr_test)\n"
                        + "migrations/1.1.0_purge;t1]_dml.sql:1: error 202 STATEMENT_WHERE_REQUIRE_UPDATE_DELETE:"
                        + " \"DELETE FROM t1\" requires WHERE clause, 100% of rows: gone"
                        + " (instances/test-sample-instance/databases/hr_test)\n");
    }

    @Test
    void shouldPrintNothingForACleanReview() {
        ReviewResult clean = new ReviewResult("projects/p", List.of("t"), List.of(), List.of(), 0, Risk.NONE, "");

        assertThat(PlainFormat.format(clean)).isEmpty();
    }
}
