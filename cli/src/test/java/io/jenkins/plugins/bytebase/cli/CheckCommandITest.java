package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} in-process against the sandbox, over real HTTP. */
@ExtendWith(BytebaseSandboxExtension.class)
class CheckCommandITest {

    private static final String WARNING_LINE = "migrations/1.0.0_create_t1.sql:3";

    @TempDir
    Path workspace;

    private CliRunner cli(BytebaseSandbox sandbox) {
        return new CliRunner(workspace)
                .env("BYTEBASE_SERVICE_ACCOUNT", BytebaseSandbox.SERVICE_ACCOUNT)
                .env("BYTEBASE_SERVICE_ACCOUNT_SECRET", sandbox.serviceAccountSecret());
    }

    private static String[] check(BytebaseSandbox sandbox, String pattern, String... extra) {
        String[] base = {
            "check",
            "--url",
            sandbox.url().toString(),
            "--project",
            BytebaseSandbox.PROJECT,
            "--targets",
            BytebaseSandbox.TEST_DATABASE,
            "--file-pattern",
            pattern
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    @Test
    void shouldFailOnTheNullableColumnWarningUnderFailOnWarning(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result =
                cli(sandbox).run(check(sandbox, "migrations/1.0.0_*.sql", "--check-release", "FAIL_ON_WARNING"));

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.out().lines())
                .singleElement()
                .asString()
                .startsWith(WARNING_LINE)
                .contains("warning 402 COLUMN_NO_NULL")
                .endsWith("(" + BytebaseSandbox.TEST_DATABASE + ")");
        assertThat(result.err()).contains("SQL review: 1 warning, 0 errors: FAIL_ON_WARNING fails the check");
    }

    @Test
    void shouldPassTheSameWarningUnderSkip(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result = cli(sandbox).run(check(sandbox, "migrations/*.sql"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains(WARNING_LINE, "COLUMN_NO_NULL");
    }

    @Test
    void shouldPassTheNotNullVersionWithoutFindings(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withNotNullT1(workspace);

        CliRunner.Result result =
                cli(sandbox).run(check(sandbox, "migrations/*.sql", "--check-release", "FAIL_ON_WARNING"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("SQL review: 0 warnings, 0 errors: the check passes");
    }

    @Test
    void shouldWriteCheckResultsToTheOutputFileEvenWhenTheCheckFails(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result = cli(sandbox)
                .run(check(
                        sandbox,
                        "migrations/*.sql",
                        "--check-release",
                        "FAIL_ON_WARNING",
                        "--output",
                        "out/check.json",
                        "--sarif",
                        "out/check.sarif",
                        "--markdown",
                        "out/check.md"));

        assertThat(result.exit()).isEqualTo(1);
        JsonNode output =
                new ObjectMapper().readTree(workspace.resolve("out/check.json").toFile());
        assertThat(output.has("checkResults")).isTrue();
        assertThat(output.has("release")).isFalse();
        assertThat(output.toString()).contains("COLUMN_NO_NULL");
        assertThat(Files.readString(workspace.resolve("out/check.sarif"))).contains("2.1.0", "COLUMN_NO_NULL");
        assertThat(Files.readString(workspace.resolve("out/check.md")))
                .contains("Column \"name\" in \"public\".\"t1\" cannot have NULL value");
    }

    @Test
    void shouldAnnotateForGitHubAndAppendTheStepSummary(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);
        Path summary = Files.writeString(workspace.resolve("summary.md"), "earlier step\n");

        CliRunner.Result result = cli(sandbox)
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .run(check(sandbox, "migrations/*.sql", "--platform", "auto"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("::warning file=migrations/1.0.0_create_t1.sql,line=3,")
                .contains("title=COLUMN_NO_NULL (402)::");
        assertThat(Files.readString(summary))
                .startsWith("earlier step\n")
                .contains("Column \"name\" in \"public\".\"t1\" cannot have NULL value");
    }

    @Test
    void shouldLogIssuesForAzureDevOps(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result = cli(sandbox)
                .env("SYSTEM_TEAMFOUNDATIONSERVERURI", "https://dev.azure.com/example/")
                .run(check(sandbox, "migrations/*.sql", "--platform", "auto"));

        assertThat(result.out())
                .startsWith("##vso[task.logissue type=warning;sourcepath=migrations/1.0.0_create_t1.sql;linenumber=3;")
                .contains(";code=402]COLUMN_NO_NULL: ");
    }

    @Test
    void shouldWriteTheGitLabCodeQualityReport(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result =
                cli(sandbox).env("GITLAB_CI", "true").run(check(sandbox, "migrations/*.sql", "--platform", "auto"));

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper()
                .readTree(workspace.resolve("bytebase_codequality.json").toFile());
        assertThat(report).hasSize(1);
        assertThat(report.get(0).get("severity").asText()).isEqualTo("minor");
        assertThat(report.get(0).at("/location/lines/begin").asInt()).isEqualTo(3);
    }

    @Test
    void shouldSayWhichPatternMatchedNothing(BytebaseSandbox sandbox) {
        CliRunner.Result result = cli(sandbox).run(check(sandbox, "db/**/*.sql"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement()
                .asString()
                .contains("db/**/*.sql");
    }

    @Test
    void shouldFailWithoutEchoingAWrongSecret(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);
        String wrong = "bbs_wrong_secret_for_this_test";

        CliRunner.Result result = new CliRunner(workspace)
                .env("BYTEBASE_SERVICE_ACCOUNT", BytebaseSandbox.SERVICE_ACCOUNT)
                .run(check(sandbox, "migrations/*.sql", "--service-account-secret", wrong));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("error: ").contains("401");
        assertThat(result.all()).doesNotContain(wrong);
    }

    @Test
    void shouldFailClearlyWhenNoServerAnswers(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);
        String[] args = check(sandbox, "migrations/*.sql");
        args[2] = "http://127.0.0.1:9";

        CliRunner.Result result = cli(sandbox).run(args);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement()
                .asString()
                .contains("127.0.0.1:9");
        assertThat(result.all()).doesNotContain(sandbox.serviceAccountSecret());
    }
}
