package io.jenkins.plugins.bytebase.cli.format;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.util.ArrayList;
import java.util.List;

/** Fixed review results, as the server could answer them, for byte-by-byte format tests. */
public final class ReviewFixtures {

    public static final String TEST_DB = "instances/test-sample-instance/databases/hr_test";

    private ReviewFixtures() {}

    /** One warning with a column, one error without, one success (not reported), and a message to escape. */
    public static ReviewResult mixed() {
        FileReview create = new FileReview(
                "migrations/1.0.0_create_t1.sql",
                TEST_DB,
                ChangeType.DDL,
                List.of(
                        new Finding(
                                Severity.WARNING,
                                402,
                                "COLUMN_NO_NULL",
                                "Column \"name\" in public.t1 cannot have NULL value",
                                3,
                                1,
                                3,
                                49,
                                false),
                        new Finding(Severity.SUCCESS, 0, "OK", "", 1, 0, 0, 0, false)),
                0,
                Risk.LOW);
        FileReview delete = new FileReview(
                "migrations/1.1.0_purge;t1]_dml.sql",
                TEST_DB,
                ChangeType.DML,
                List.of(new Finding(
                        Severity.ERROR,
                        202,
                        "STATEMENT_WHERE_REQUIRE_UPDATE_DELETE",
                        "\"DELETE FROM t1\" requires WHERE clause,\n100% of rows: gone",
                        0,
                        0,
                        0,
                        0,
                        false)),
                12,
                Risk.HIGH);
        return new ReviewResult(
                "projects/project-sample", List.of(TEST_DB), List.of(create, delete), List.of(), 12, Risk.HIGH, "");
    }

    /** {@code count} warnings and {@code count} errors, one per line of one file. */
    public static ReviewResult many(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            findings.add(new Finding(Severity.WARNING, 402, "COLUMN_NO_NULL", "w" + i, i, 0, 0, 0, false));
            findings.add(new Finding(Severity.ERROR, 201, "SYNTAX_ERROR", "e" + i, i, 0, 0, 0, false));
        }
        FileReview review = new FileReview("m/1.sql", TEST_DB, ChangeType.DDL, findings, 0, Risk.LOW);
        return new ReviewResult(
                "projects/project-sample", List.of(TEST_DB), List.of(review), List.of(), 0, Risk.LOW, "");
    }
}
