package io.jenkins.plugins.bytebase.core.review;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import java.util.List;

/** Review results built in code, shaped like the sandbox's answers to the tutorials' files. */
public final class ReviewFixtures {

    public static final String PROJECT = "projects/project-sample";
    public static final String HR_TEST = "instances/test-sample-instance/databases/hr_test";
    public static final String HR_PROD = "instances/prod-sample-instance/databases/hr_prod";
    public static final String CREATE_T1 = "migrations/1.0.0_create_t1.sql";
    public static final String SEED_T1 = "migrations/1.1.0_seed_t1_dml.sql";

    private ReviewFixtures() {}

    public static Finding columnNoNull() {
        return new Finding(
                Severity.WARNING,
                402,
                "COLUMN_NO_NULL",
                "Column \"name\" in public.t1 cannot have NULL value",
                3,
                0,
                0,
                0,
                false);
    }

    public static Finding deleteWithoutWhere() {
        return new Finding(
                Severity.ERROR,
                202,
                "STATEMENT_WHERE_REQUIRE_UPDATE_DELETE",
                "\"DELETE FROM t1\" requires WHERE clause",
                2,
                1,
                2,
                15,
                false);
    }

    /** One warning on two targets, one error on one target, one clean pair and a file left out. */
    public static ReviewResult mixed() {
        return new ReviewResult(
                PROJECT,
                List.of(HR_TEST, HR_PROD),
                List.of(
                        new FileReview(CREATE_T1, HR_TEST, ChangeType.DDL, List.of(columnNoNull()), 0, Risk.LOW),
                        new FileReview(CREATE_T1, HR_PROD, ChangeType.DDL, List.of(columnNoNull()), 0, Risk.LOW),
                        new FileReview(SEED_T1, HR_TEST, ChangeType.DML, List.of(deleteWithoutWhere()), 12, Risk.HIGH),
                        new FileReview(SEED_T1, HR_PROD, ChangeType.DML, List.of(), 0, Risk.NONE)),
                List.of("Left out migrations/README.sql: its name has no version."),
                12,
                Risk.HIGH,
                "");
    }

    /** Only warnings. */
    public static ReviewResult warningsOnly() {
        return new ReviewResult(
                PROJECT,
                List.of(HR_TEST),
                List.of(new FileReview(CREATE_T1, HR_TEST, ChangeType.DDL, List.of(columnNoNull()), 0, Risk.LOW)),
                List.of(),
                0,
                Risk.LOW,
                "");
    }

    /** No findings at all (a SUCCESS advice is no finding). */
    public static ReviewResult clean() {
        Finding ok = new Finding(Severity.SUCCESS, 0, "OK", "", 1, 0, 0, 0, false);
        return new ReviewResult(
                PROJECT,
                List.of(HR_TEST),
                List.of(new FileReview(CREATE_T1, HR_TEST, ChangeType.DDL, List.of(ok), 0, Risk.NONE)),
                List.of(),
                0,
                Risk.NONE,
                "");
    }
}
