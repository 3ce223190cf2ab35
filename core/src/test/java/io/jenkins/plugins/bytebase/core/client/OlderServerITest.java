package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server older than the supported window: every call fails before anything is sent. */
class OlderServerITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withVersion("3.14.2"));

    @Test
    void shouldRefuseEveryCallNamingBothVersions(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.client(sandbox);

        assertThat(client.serverInfo().compatibility()).isEqualTo(ServerInfo.Compatibility.UNSUPPORTED);
        assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/1"))
                .isInstanceOf(UnsupportedServerException.class)
                .hasMessageContaining("3.14.2")
                .hasMessageContaining("3.15 to 3.21")
                .hasMessageContaining("Upgrade Bytebase");
        assertThat(SandboxClients.count(sandbox, "GET", "/v1/" + PROJECT)).isZero();
    }
}
