package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static CliEnvironment environment(Map<String, String> variables) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new CliEnvironment(variables, nowhere, nowhere, Path.of("."), Clock.systemUTC(), false);
    }

    @Test
    void shouldMaskSecretsFromOptionsHeadersAndEnvironment() {
        Redactor redactor = Redactor.of(
                new String[] {
                    "--service-account-secret",
                    "bbs_from_option",
                    "--access-token=tok_from_option",
                    "--custom-header",
                    "CF-Access-Client-Secret: header_value",
                    "--project",
                    "projects/hr"
                },
                environment(Map.of("BYTEBASE_SERVICE_ACCOUNT_SECRET", "bbs_from_env")));

        assertThat(redactor.redact("a bbs_from_option b tok_from_option c header_value d bbs_from_env e projects/hr"))
                .isEqualTo("a **** b **** c **** d **** e projects/hr");
    }
}
