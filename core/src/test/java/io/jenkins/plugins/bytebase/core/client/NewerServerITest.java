package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server newer than the tested window: one warning, then business as usual. */
class NewerServerITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withVersion("3.23.0"));

    @Test
    void shouldWarnOnceAndCarryOn(BytebaseSandbox sandbox) {
        List<String> log = new ArrayList<>();
        BytebaseClient client = SandboxClients.builder(sandbox, log::add).build();

        assertThat(client.serverInfo().compatibility()).isEqualTo(ServerInfo.Compatibility.WARNING);
        assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/1")).isInstanceOf(BytebaseNotFoundException.class);
        assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/2")).isInstanceOf(BytebaseNotFoundException.class);

        assertThat(log)
                .singleElement()
                .asString()
                .startsWith("WARNING")
                .contains("3.23.0")
                .contains("3.15 to 3.21");
    }
}
