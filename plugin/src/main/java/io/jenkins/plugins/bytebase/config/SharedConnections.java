package io.jenkins.plugins.bytebase.config;

import hudson.ProxyConfiguration;
import hudson.init.Terminator;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnection;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnections;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionList;

/**
 * The controller's connections to the configured Bytebase servers: one per server, shared by every step and build, so
 * that all of them share one pool of HTTP connections, one login per credentials and one version probe.
 *
 * <p>A server's connection is made anew when its settings or the Jenkins proxy settings change (the next caller gets
 * the new one; callers that still hold the old one finish with it), dropped when the server is removed from the
 * global configuration, and closed when Jenkins stops.
 */
public final class SharedConnections {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final BytebaseConnections CONNECTIONS = new BytebaseConnections();

    private SharedConnections() {}

    /**
     * The shared connection of a configured server, as its settings and the Jenkins proxy settings are now.
     *
     * @throws IllegalArgumentException when the server's URL or a custom header cannot be used
     */
    public static BytebaseConnection of(BytebaseServer server) {
        return CONNECTIONS.connection(key(server), settings(server));
    }

    /**
     * A connection of its own, for checking settings that may not be saved (Test connection): it must not replace the
     * shared one. The caller closes it.
     */
    static BytebaseConnection unshared(BytebaseServer server) {
        return settings(server).build();
    }

    /** Lets go of the connections of servers that are no longer configured. */
    static void retainOnly(List<BytebaseServer> servers) {
        CONNECTIONS.retainOnly(servers.stream().map(SharedConnections::key).toList());
    }

    /**
     * Closes every connection when Jenkins stops, after the running Pipelines were suspended: a step's next call then
     * finds its connection closed and knows that Jenkins is stopping; after a restart it makes a new one.
     */
    @Terminator(requires = FlowExecutionList.EXECUTIONS_SUSPENDED)
    public static void closeAll() {
        CONNECTIONS.close();
    }

    private static BytebaseConnection.Builder settings(BytebaseServer server) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (CustomHeader header : server.getCustomHeaders()) {
            if (header.getName() != null) {
                headers.put(header.getName(), header.plainValue());
            }
        }
        // Redirects are not followed (the token must not go to another address) and HTTP/1.1 keeps one pool of
        // keep-alive connections, as the engine's own default transport does; the proxy comes from Jenkins.
        HttpClient.Builder transport = ProxyConfiguration.newHttpClientBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        return BytebaseConnection.builder(URI.create(server.getUrl()))
                .httpClientBuilder(transport)
                .transportIdentity(ProxyIdentity.of(proxy()))
                .connectTimeout(CONNECT_TIMEOUT)
                .requestTimeout(Duration.ofSeconds(server.getTimeoutSeconds()))
                .customHeaders(headers);
    }

    private static ProxyConfiguration proxy() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        return jenkins == null ? null : jenkins.getProxy();
    }

    /** A server saved without a name still gets a connection of its own. */
    private static String key(BytebaseServer server) {
        return server.getName() == null ? "" : server.getName();
    }
}
