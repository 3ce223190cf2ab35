package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What users read when the server says no. */
@ExtendWith(BytebaseSandboxExtension.class)
class ErrorMessagesITest {

    @Test
    void shouldNameTheRoleTheAccountNeedsOn403(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.client(sandbox);
        client.serverInfo();
        sandbox.faults().failNext(1, 403);

        assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/1"))
                .isInstanceOfSatisfying(BytebasePermissionException.class, e -> assertThat(e.status())
                        .isEqualTo(403))
                .hasMessageContaining("GitOps Service Agent role (roles/gitopsServiceAgent) in " + PROJECT)
                .hasMessageContaining(BytebaseSandbox.SERVICE_ACCOUNT);
    }

    @Test
    void shouldNameThePlanThatWasNotFound(BytebaseSandbox sandbox) {
        assertThatThrownBy(() -> SandboxClients.client(sandbox).getPlan(PROJECT + "/plans/987654"))
                .isInstanceOfSatisfying(BytebaseNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.serverMessage()).isNotBlank();
                })
                .hasMessageContaining("could not find the plan " + PROJECT + "/plans/987654");
    }

    @Test
    void shouldNameTheProjectThatWasNotFound(BytebaseSandbox sandbox) {
        assertThatThrownBy(() -> SandboxClients.client(sandbox)
                        .createRelease(
                                "projects/no-such-project",
                                SandboxClients.release("1.0.0", "CREATE TABLE t (id INT);"),
                                null,
                                null))
                .isInstanceOf(BytebaseNotFoundException.class)
                .hasMessageContaining("projects/no-such-project");
    }

    @Test
    void shouldPassOnTheServersReasonFor400(BytebaseSandbox sandbox) {
        byte[] sql = "CREATE TABLE t (id INT);".getBytes(StandardCharsets.UTF_8);
        Release duplicate = Release.draft(
                ReleaseType.VERSIONED,
                List.of(ReleaseFile.of("a/1.0.0_a.sql", "1.0.0", sql), ReleaseFile.of("b/1.0.0_b.sql", "1.0.0", sql)),
                null);

        assertThatThrownBy(() -> SandboxClients.client(sandbox).createRelease(PROJECT, duplicate, null, null))
                .isInstanceOfSatisfying(BytebaseException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("duplicate version");
                })
                .hasMessageContaining("duplicate version")
                .hasMessageContaining("correct what the server names");
    }
}
