package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void shouldDefaultToPort8081AndTakeTheSecretFromTheEnvironment() {
        SandboxOptions options =
                SandboxMain.parse(new String[0], "bbs_from_env").options();
        assertThat(options.port()).isEqualTo(8081);
        assertThat(options.serviceAccountSecret()).isEqualTo("bbs_from_env");
    }

    @Test
    void shouldParseEveryOptionAndPreferTheFlagOverTheEnvironment() {
        SandboxOptions options = SandboxMain.parse(
                        new String[] {
                            "--port",
                            "0",
                            "--service-account-secret=bbs_flag",
                            "--task-step-delay-ms",
                            "25",
                            "--token-lifetime-seconds",
                            "60"
                        },
                        "bbs_from_env")
                .options();
        assertThat(options.port()).isZero();
        assertThat(options.serviceAccountSecret()).isEqualTo("bbs_flag");
        assertThat(options.taskStepDelay()).isEqualTo(Duration.ofMillis(25));
        assertThat(options.tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SandboxMain.parse(new String[] {"--help"}, null)).isNull();
    }

    @Test
    void shouldParseTheConnectionFaults() {
        SandboxMain.Launch launch = SandboxMain.parse(
                new String[] {
                    "--idle-timeout-ms=1500",
                    "--idle-close",
                    "reset-when-used",
                    "--drop-after-apply",
                    "plan",
                    "--drop-after-apply=batch-run:3",
                    "--drop-after-apply=plan:2"
                },
                null);
        assertThat(launch.options().idleTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(launch.options().idleClose()).isEqualTo(IdleClose.RESET_WHEN_USED);
        assertThat(launch.dropsAfterApply())
                .containsOnly(entry(Faults.Change.CREATE_PLAN, 3), entry(Faults.Change.BATCH_RUN_TASKS, 3));
        assertThat(SandboxMain.parse(new String[0], null).options().idleTimeout())
                .isNull();
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--idle-close", "sometimes"}, null))
                .hasMessageContaining("at-timeout, when-used or reset-when-used");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--drop-after-apply", "sheet"}, null))
                .hasMessageContaining("release, plan, rollout or batch-run");
    }

    @Test
    void shouldStopAndStartListeningOnCommand() {
        try (BytebaseSandbox sandbox = BytebaseSandbox.start(SandboxOptions.defaults())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.readCommands(
                    sandbox,
                    new ByteArrayInputStream("stop\nstart\nnap\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("Stopped listening")
                    .contains("Listening again on " + sandbox.url())
                    .contains("Unknown command 'nap'");
            assertThat(new SandboxHttp(sandbox).login().token()).isNotBlank();
        }
    }

    @Test
    void shouldRejectUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--verbose", "x"}, null))
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "eighty"}, null))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}, null))
                .hasMessageContaining("missing value");
    }

    @Test
    void shouldPrintTheUrlAndCredentials() {
        try (BytebaseSandbox sandbox = BytebaseSandbox.start(SandboxOptions.defaults())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.printBanner(sandbox, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String banner = bytes.toString(StandardCharsets.UTF_8);
            assertThat(banner)
                    .contains(sandbox.url().toString())
                    .contains(BytebaseSandbox.SERVICE_ACCOUNT)
                    .contains(sandbox.serviceAccountSecret())
                    .contains(BytebaseSandbox.PROJECT)
                    .contains(BytebaseSandbox.TEST_DATABASE)
                    .contains(BytebaseSandbox.PROD_DATABASE);
            assertThat(sandbox.serviceAccountSecret()).startsWith("bbs_");
        }
    }
}
