package io.jenkins.plugins.bytebase.core.review;

import static io.jenkins.plugins.bytebase.core.testing.Fixtures.requests;
import static io.jenkins.plugins.bytebase.core.testing.Fixtures.versioned;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.migration.MigrationFileFinder;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BytebaseSandboxExtension.class)
class ReviewServiceITest {

    private static final String T1 = "-- a table\n\nCREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT);\n";

    @Test
    void shouldFindOneWarningOnLineThreeInTheTutorialsFile(BytebaseSandbox sandbox) {
        Path examples = Path.of("..", "examples");
        MigrationSet files = MigrationSets.versioned(
                MigrationFileFinder.find(
                        examples, "migrations/1.0.0_*.sql", MigrationFileFinder.DEFAULT_MAX_FILE_BYTES),
                "migrations/1.0.0_*.sql");

        ReviewResult result = review(sandbox, files, List.of(TEST_DATABASE));

        assertThat(result.reviews()).hasSize(1);
        FileReview review = result.reviews().get(0);
        assertThat(review.file()).isEqualTo("migrations/1.0.0_create_t1.sql");
        assertThat(review.target()).isEqualTo(TEST_DATABASE);
        assertThat(review.changeType()).isEqualTo(ChangeType.DDL);
        assertThat(review.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.code()).isEqualTo(402);
            assertThat(finding.title()).isEqualTo("COLUMN_NO_NULL");
            assertThat(finding.line()).isEqualTo(3);
            assertThat(finding.docUrl()).isEqualTo("https://docs.bytebase.com/sql-review/error-codes#402");
        });
        assertThat(result.warnings()).isEqualTo(1);
        assertThat(result.errors()).isZero();
        assertThat(result.reportUrl()).isEqualTo(sandbox.url() + "/" + PROJECT);
        assertThat(CheckPolicy.FAIL_ON_WARNING.evaluate(result).failed()).isTrue();
        assertThat(CheckPolicy.FAIL_ON_ERROR.evaluate(result).failed()).isFalse();
    }

    @Test
    void shouldFindNothingWhenTheColumnIsNotNull(BytebaseSandbox sandbox) {
        ReviewResult result = review(
                sandbox,
                versioned("1.0.0_t1.sql", "CREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT NOT NULL);"),
                List.of(TEST_DATABASE));

        assertThat(result.errors() + result.warnings()).isZero();
        assertThat(CheckPolicy.FAIL_ON_WARNING.evaluate(result).outcome()).isEqualTo(Verdict.Outcome.PASSED);
    }

    @Test
    void shouldReportASyntaxErrorOnItsLine(BytebaseSandbox sandbox) {
        ReviewResult result = review(
                sandbox, versioned("1.0.0_bad.sql", "-- broken\nCREATE TABLE t2 (id INT;\n"), List.of(TEST_DATABASE));

        assertThat(result.reviews().get(0).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.code()).isEqualTo(201);
            assertThat(finding.line()).isEqualTo(2);
        });
        assertThat(CheckPolicy.FAIL_ON_ERROR.evaluate(result).failed()).isTrue();
    }

    @Test
    void shouldSendEveryFileAndTargetInOneRequest(BytebaseSandbox sandbox) {
        MigrationSet files = versioned(
                "1.0.0_t1.sql",
                T1,
                "1.1.0_seed_dml.sql",
                "INSERT INTO t1 (name) VALUES ('a');",
                "notes.sql",
                "SELECT 1;");

        ReviewResult result = review(sandbox, files, List.of(TEST_DATABASE, PROD_DATABASE));

        assertThat(requests(sandbox, "releases:check")).hasSize(1);
        assertThat(result.reviews())
                .extracting(FileReview::file, FileReview::target)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("migrations/1.0.0_t1.sql", TEST_DATABASE),
                        org.assertj.core.groups.Tuple.tuple("migrations/1.0.0_t1.sql", PROD_DATABASE),
                        org.assertj.core.groups.Tuple.tuple("migrations/1.1.0_seed_dml.sql", TEST_DATABASE),
                        org.assertj.core.groups.Tuple.tuple("migrations/1.1.0_seed_dml.sql", PROD_DATABASE));
        assertThat(result.reviews())
                .filteredOn(review -> review.file().endsWith("_dml.sql"))
                .allSatisfy(review -> assertThat(review.changeType()).isEqualTo(ChangeType.DML));
        assertThat(result.skippedFiles()).singleElement().asString().contains("notes.sql");
    }

    @Test
    void shouldSendADeclarativeReleaseWithItsFileAsIs(BytebaseSandbox sandbox) {
        // One file: the sandbox refuses equal versions even in a declarative check, which the real server allows.
        MigrationSet files = MigrationSets.declarative(
                Fixtures.sources("a.sql", "CREATE TABLE a (id INT PRIMARY KEY, n TEXT NOT NULL);"),
                "schema/*.sql",
                Clock.systemUTC());

        ReviewResult result = review(sandbox, files, List.of(TEST_DATABASE));

        String body = requests(sandbox, "releases:check").get(0).body();
        assertThat(body).contains("\"DECLARATIVE\"").contains("\"path\":\"migrations/a.sql\"");
        assertThat(result.reviews()).extracting(FileReview::file).containsExactly("migrations/a.sql");
    }

    @Test
    void shouldSendThePullRequestAuthorWithTheCheck(BytebaseSandbox sandbox) {
        VcsUser author = new VcsUser(VcsType.GITLAB, "1234", "jdoe", "Jane Doe");

        new ReviewService(Fixtures.client(sandbox))
                .review(new ReviewRequest(
                        PROJECT, List.of(TEST_DATABASE), versioned("1.0.0_t1.sql", T1), null, author));

        assertThat(requests(sandbox, "releases:check").get(0).body())
                .contains("\"vcsUser\":{\"vcsType\":\"GITLAB\",\"userId\":\"1234\",\"userName\":\"jdoe\","
                        + "\"displayName\":\"Jane Doe\"}");
    }

    @Test
    void shouldLeaveTheAuthorOutWhenThereIsNone(BytebaseSandbox sandbox) {
        review(sandbox, versioned("1.0.0_t1.sql", T1), List.of(TEST_DATABASE));

        assertThat(requests(sandbox, "releases:check").get(0).body()).doesNotContain("vcsUser");
    }

    @Test
    void shouldRefuseBadTargetsBeforeAnyRequest(BytebaseSandbox sandbox) {
        ReviewService service = new ReviewService(Fixtures.client(sandbox));
        MigrationSet files = versioned("1.0.0_t1.sql", T1);

        assertThatThrownBy(() -> service.review(new ReviewRequest(
                        PROJECT, List.of(TEST_DATABASE, "projects/project-sample/databaseGroups/all"), files, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one database group");
        assertThatThrownBy(() -> service.review(new ReviewRequest(PROJECT, List.of(), files, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No targets");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void shouldNameAnUnknownDatabase(BytebaseSandbox sandbox) {
        assertThatThrownBy(() ->
                        review(sandbox, versioned("1.0.0_t1.sql", T1), List.of("instances/nowhere/databases/none")))
                .isInstanceOf(BytebaseException.class)
                .hasMessageContaining("instances/nowhere/databases/none");
    }

    private static ReviewResult review(BytebaseSandbox sandbox, MigrationSet files, List<String> targets) {
        return new ReviewService(Fixtures.client(sandbox)).review(new ReviewRequest(PROJECT, targets, files, null));
    }
}
