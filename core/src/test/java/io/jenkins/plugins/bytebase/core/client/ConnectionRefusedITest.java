package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing listens at the URL: every attempt is refused before anything is sent, so even a create is retried. */
class ConnectionRefusedITest {

    @Test
    void shouldRetryARefusedConnectionThenSayWhatToCheck() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> log = new ArrayList<>();
        BytebaseClient client = BytebaseClient.builder(URI.create("http://127.0.0.1:" + port))
                .credentials(Credentials.serviceAccount("ci@service.bytebase.com", "bbs_refusedsecret"))
                .retryPolicy(SandboxClients.FAST_RETRIES)
                .logger(log::add)
                .build();

        assertThatThrownBy(client::serverInfo)
                .isInstanceOfSatisfying(
                        BytebaseException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("Could not connect to http://127.0.0.1:" + port)
                .hasMessageContaining("the server is running and reachable");
        assertThat(log).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("POST /v1/auth/login")
                .doesNotContain("bbs_refusedsecret"));
    }
}
