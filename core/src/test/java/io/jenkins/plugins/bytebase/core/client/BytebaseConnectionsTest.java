package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BytebaseConnectionsTest {

    private static final URI URL = URI.create("https://bytebase.example.com");

    private final BytebaseConnections connections = new BytebaseConnections();

    private static BytebaseConnection.Builder settings() {
        return BytebaseConnection.builder(URL)
                .httpClientBuilder(HttpClient.newBuilder())
                .transportIdentity("proxy.example.com:3128")
                .customHeaders(Map.of("X-Proxy-Token", "proxy-value-1"));
    }

    @Test
    void shouldHandOutOneConnectionPerConfigurationWhileItIsUnchanged() {
        BytebaseConnection first = connections.connection("prod", settings());

        assertThat(connections.connection("prod", settings())).isSameAs(first);
        assertThat(connections.connection("test", settings())).isNotSameAs(first);
        connections.close();
    }

    @Test
    void shouldMakeANewConnectionWhenASettingChanges() {
        BytebaseConnection first = connections.connection("prod", settings());
        List<BytebaseConnection.Builder> changed = List.of(
                settings().requestTimeout(Duration.ofSeconds(30)),
                settings().connectTimeout(Duration.ofSeconds(3)),
                settings().customHeaders(Map.of("X-Proxy-Token", "proxy-value-2")),
                settings().transportIdentity("other-proxy.example.com:3128"),
                settings().retryPolicy(RetryPolicy.none()),
                settings().threads(4),
                BytebaseConnection.builder(URI.create("https://other.example.com")));

        for (BytebaseConnection.Builder builder : changed) {
            BytebaseConnection replaced = connections.connection("prod", builder);
            assertThat(replaced).isNotSameAs(first);
            assertThat(first.isClosed())
                    .as("clients of the old connection keep working until their callers let go")
                    .isFalse();
            first = replaced;
        }
        connections.close();
        assertThat(first.isClosed()).isTrue();
    }

    @Test
    void shouldNeverKeepAHeaderValueInTheDigest() {
        String digest = settings().settingsDigest();

        assertThat(digest).doesNotContain("proxy-value-1").hasSize(64);
    }

    @Test
    void shouldForgetServersNoLongerConfigured() {
        BytebaseConnection prod = connections.connection("prod", settings());
        BytebaseConnection test = connections.connection("test", settings());

        connections.retainOnly(List.of("test"));

        assertThat(connections.connection("test", settings())).isSameAs(test);
        assertThat(connections.connection("prod", settings())).isNotSameAs(prod);
        connections.close();
    }
}
