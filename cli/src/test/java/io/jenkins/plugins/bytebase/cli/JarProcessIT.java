package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as {@code java -jar} in a child process against the sandbox (after {@code package}). */
class JarProcessIT {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(50)));

    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/bytebase-gitops.jar"));

    @TempDir
    Path workspace;

    record Run(int exit, String out, String err) {}

    private Run java(Map<String, String> variables, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
        Map<String, String> environment = builder.environment();
        // This build may itself run in a CI system: the child must not detect it, nor inherit credentials.
        environment
                .keySet()
                .removeIf(name -> name.startsWith("BYTEBASE_")
                        || List.of(
                                        "GITHUB_ACTIONS",
                                        "GITLAB_CI",
                                        "BITBUCKET_BUILD_NUMBER",
                                        "SYSTEM_TEAMFOUNDATIONSERVERURI")
                                .contains(name));
        environment.putAll(variables);
        Path out = workspace.resolve("stdout.txt");
        Path err = workspace.resolve("stderr.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish in 90 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> credentials(BytebaseSandbox sandbox) {
        return Map.of(
                "BYTEBASE_SERVICE_ACCOUNT",
                BytebaseSandbox.SERVICE_ACCOUNT,
                "BYTEBASE_SERVICE_ACCOUNT_SECRET",
                sandbox.serviceAccountSecret());
    }

    @Test
    void shouldGateTheNullableColumnOnlyUnderFailOnWarning(BytebaseSandbox sandbox) throws Exception {
        Workspaces.withExamples(workspace);
        String[] check = {
            "check",
            "--url",
            sandbox.url().toString(),
            "--project",
            BytebaseSandbox.PROJECT,
            "--targets",
            BytebaseSandbox.TEST_DATABASE,
            "--file-pattern",
            "migrations/*.sql"
        };

        Run failing = java(credentials(sandbox), concat(check, "--check-release", "FAIL_ON_WARNING"));
        Run skipping = java(credentials(sandbox), check);

        assertThat(failing.exit()).as(failing.err()).isEqualTo(1);
        assertThat(failing.out()).startsWith("migrations/1.0.0_create_t1.sql:3").contains("COLUMN_NO_NULL");
        assertThat(failing.err()).contains("1 warning");
        assertThat(skipping.exit()).as(skipping.err()).isZero();
    }

    @Test
    void shouldRollOutToTestThenContinueThePlanToProd(BytebaseSandbox sandbox) throws Exception {
        Workspaces.withExamples(workspace);

        Run test = java(
                credentials(sandbox),
                "rollout",
                "--url",
                sandbox.url().toString(),
                "--project",
                BytebaseSandbox.PROJECT,
                "--targets",
                BytebaseSandbox.TEST_DATABASE + "," + BytebaseSandbox.PROD_DATABASE,
                "--file-pattern",
                "migrations/*.sql",
                "--target-stage",
                BytebaseSandbox.TEST_ENVIRONMENT,
                "--output",
                "rollout.json");

        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(sandbox.appliedVersions(BytebaseSandbox.PROD_DATABASE)).isEmpty();
        String plan = new ObjectMapper()
                .readTree(workspace.resolve("rollout.json").toFile())
                .get("plan")
                .asText();

        Run prod = java(
                credentials(sandbox),
                "rollout",
                "--url",
                sandbox.url().toString(),
                "--project",
                BytebaseSandbox.PROJECT,
                "--plan",
                plan,
                "--target-stage",
                BytebaseSandbox.PROD_ENVIRONMENT);

        assertThat(prod.exit()).as(prod.err()).isZero();
        assertThat(sandbox.appliedVersions(BytebaseSandbox.PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    }

    @Test
    void shouldPrintTheVersionTheBuildGaveIt(BytebaseSandbox sandbox) throws Exception {
        Run run = java(Map.of(), "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("bytebase-gitops " + System.getProperty("project.version") + "\n");
        assertThat(run.out()).contains("Supports Bytebase 3.");
    }

    @Test
    void shouldExitTwoOnABadFlag(BytebaseSandbox sandbox) throws Exception {
        Run run = java(
                credentials(sandbox),
                "check",
                "--url",
                sandbox.url().toString(),
                "--project",
                BytebaseSandbox.PROJECT,
                "--no-such-flag");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown option --no-such-flag");
    }

    @Test
    void shouldExitOneOnAWrongSecretWithoutEchoingIt(BytebaseSandbox sandbox) throws Exception {
        Workspaces.withExamples(workspace);
        String wrong = "bbs_wrong_process_secret";

        Run run = java(
                Map.of(),
                "check",
                "--url",
                sandbox.url().toString(),
                "--project",
                BytebaseSandbox.PROJECT,
                "--targets",
                BytebaseSandbox.TEST_DATABASE,
                "--file-pattern",
                "migrations/*.sql",
                "--service-account",
                BytebaseSandbox.SERVICE_ACCOUNT,
                "--service-account-secret",
                wrong);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: ");
        assertThat(run.out() + run.err()).doesNotContain(wrong);
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
