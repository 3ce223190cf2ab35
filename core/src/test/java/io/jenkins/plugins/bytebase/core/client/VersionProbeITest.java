package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The version is read once per connection and again after ten minutes, however many clients ask. */
@ExtendWith(BytebaseSandboxExtension.class)
class VersionProbeITest {

    private final TestClock clock = new TestClock(Instant.now());

    @Test
    void shouldReadTheVersionOncePerTenMinutesForAllClients(BytebaseSandbox sandbox) {
        try (BytebaseConnection connection =
                BytebaseConnection.builder(sandbox.url()).clock(clock).build()) {
            Credentials credentials =
                    Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret());
            for (int i = 0; i < 5; i++) {
                connection.client(credentials, line -> {}).serverInfo();
            }
            assertThat(SandboxClients.count(sandbox, "GET", "/v1/actuator/info"))
                    .isEqualTo(1);

            clock.advance(Duration.ofMinutes(9));
            connection.client(credentials, line -> {}).serverInfo();
            assertThat(SandboxClients.count(sandbox, "GET", "/v1/actuator/info"))
                    .isEqualTo(1);

            clock.advance(Duration.ofMinutes(2));
            connection.client(credentials, line -> {}).serverInfo();
            connection.client(credentials, line -> {}).serverInfo();
            assertThat(SandboxClients.count(sandbox, "GET", "/v1/actuator/info"))
                    .isEqualTo(2);
            assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(1);
        }
    }
}
