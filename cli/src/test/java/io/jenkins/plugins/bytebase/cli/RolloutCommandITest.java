package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollout} in-process against the sandbox, over real HTTP. */
class RolloutCommandITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(50)));

    private static final String BOTH_DATABASES = BytebaseSandbox.TEST_DATABASE + "," + BytebaseSandbox.PROD_DATABASE;

    @TempDir
    Path workspace;

    private CliRunner cli(BytebaseSandbox sandbox) {
        return new CliRunner(workspace)
                .env("BYTEBASE_SERVICE_ACCOUNT", BytebaseSandbox.SERVICE_ACCOUNT)
                .env("BYTEBASE_SERVICE_ACCOUNT_SECRET", sandbox.serviceAccountSecret());
    }

    private CliRunner.Result rolloutToTest(BytebaseSandbox sandbox) {
        return cli(sandbox)
                .run(
                        "rollout",
                        "--url",
                        sandbox.url().toString(),
                        "--project",
                        BytebaseSandbox.PROJECT,
                        "--targets",
                        BOTH_DATABASES,
                        "--file-pattern",
                        "migrations/*.sql",
                        "--target-stage",
                        BytebaseSandbox.TEST_ENVIRONMENT,
                        "--output",
                        "rollout.json");
    }

    private JsonNode output() throws IOException {
        return new ObjectMapper().readTree(workspace.resolve("rollout.json").toFile());
    }

    @Test
    void shouldRollOutToTestOnlyAndWriteTheNames(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result = rolloutToTest(sandbox);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(sandbox.appliedVersions(BytebaseSandbox.TEST_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(sandbox.appliedVersions(BytebaseSandbox.PROD_DATABASE)).isEmpty();
        JsonNode output = output();
        assertThat(output.get("release").asText()).startsWith(BytebaseSandbox.PROJECT + "/releases/");
        assertThat(output.get("plan").asText()).startsWith(BytebaseSandbox.PROJECT + "/plans/");
        assertThat(output.get("rollout").asText()).isEqualTo(output.get("plan").asText() + "/rollout");
        assertThat(output.has("checkResults")).isFalse();
        assertThat(result.err())
                .contains(sandbox.url() + "/" + output.get("plan").asText())
                .contains(BytebaseSandbox.TEST_ENVIRONMENT + ": 1 task")
                .containsPattern("\\[\\d+:\\d\\d] ");
    }

    @Test
    void shouldContinueThePlanToProd(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);
        assertThat(rolloutToTest(sandbox).exit()).isZero();
        String plan = output().get("plan").asText();

        CliRunner.Result result = cli(sandbox)
                .run(
                        "rollout",
                        "--url",
                        sandbox.url().toString(),
                        "--project",
                        BytebaseSandbox.PROJECT,
                        "--plan",
                        plan,
                        "--target-stage",
                        BytebaseSandbox.PROD_ENVIRONMENT,
                        "--output",
                        "prod.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(sandbox.appliedVersions(BytebaseSandbox.PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        JsonNode prod =
                new ObjectMapper().readTree(workspace.resolve("prod.json").toFile());
        assertThat(prod.get("plan").asText()).isEqualTo(plan);
        assertThat(prod.has("release")).isFalse();
    }

    @Test
    void shouldOnlyCreateWithoutATargetStage(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result = cli(sandbox)
                .run(
                        "rollout",
                        "--url",
                        sandbox.url().toString(),
                        "--project",
                        BytebaseSandbox.PROJECT,
                        "--targets",
                        BOTH_DATABASES,
                        "--file-pattern",
                        "migrations/*.sql",
                        "--release-id-template",
                        "hr_{date}-RC{iteration}",
                        "--output",
                        "rollout.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(output().get("release").asText()).startsWith(BytebaseSandbox.PROJECT + "/releases/hr_");
        assertThat(sandbox.appliedVersions(BytebaseSandbox.TEST_DATABASE)).isEmpty();
        assertThat(result.err()).contains("--plan " + output().get("plan").asText());
    }

    @Test
    void shouldFailOnAFailedTaskAndStillWriteTheOutput(BytebaseSandbox sandbox) throws IOException {
        Path migrations = Files.createDirectories(workspace.resolve("migrations"));
        Files.writeString(
                migrations.resolve("1.0.0_broken.sql"), "CREATE TABLE t2 (id INT);\n" + BytebaseSandbox.FAIL_MARKER);

        CliRunner.Result result = rolloutToTest(sandbox);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .singleElement()
                .asString()
                .startsWith("error: Rollout failed: ");
        assertThat(output().get("plan").asText()).startsWith(BytebaseSandbox.PROJECT + "/plans/");
    }

    @Test
    void shouldNeverPrintASecretGivenOnTheCommandLine(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);

        CliRunner.Result result = new CliRunner(workspace)
                .run(
                        "rollout",
                        "--url",
                        sandbox.url().toString(),
                        "--service-account",
                        BytebaseSandbox.SERVICE_ACCOUNT,
                        "--service-account-secret",
                        sandbox.serviceAccountSecret(),
                        "--project",
                        BytebaseSandbox.PROJECT,
                        "--targets",
                        BOTH_DATABASES,
                        "--file-pattern",
                        "migrations/*.sql",
                        "--target-stage",
                        BytebaseSandbox.TEST_ENVIRONMENT,
                        "--output",
                        "rollout.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.all()).doesNotContain(sandbox.serviceAccountSecret());
        assertThat(Files.readString(workspace.resolve("rollout.json"))).doesNotContain(sandbox.serviceAccountSecret());
    }
}
