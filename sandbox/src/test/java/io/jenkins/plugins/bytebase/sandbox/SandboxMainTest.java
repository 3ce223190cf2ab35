package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void shouldDefaultToPort8081AndTakeTheSecretFromTheEnvironment() {
        SandboxOptions options = SandboxMain.parse(new String[0], "bbs_from_env");
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
                "bbs_from_env");
        assertThat(options.port()).isZero();
        assertThat(options.serviceAccountSecret()).isEqualTo("bbs_flag");
        assertThat(options.taskStepDelay()).isEqualTo(Duration.ofMillis(25));
        assertThat(options.tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SandboxMain.parse(new String[] {"--help"}, null)).isNull();
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
