package io.jenkins.plugins.bytebase.config;

import hudson.ProxyConfiguration;
import hudson.init.Terminator;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnection;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnections;
import java.lang.ref.WeakReference;
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

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final BytebaseConnections CONNECTIONS = new BytebaseConnections();

    /**
     * The Jenkins whose stop closed the connections: no connection is made for it afterwards. Weak, so that a test JVM
     * that starts one Jenkins after another does not keep the stopped ones.
     */
    private static volatile WeakReference<Jenkins> stopped = new WeakReference<>(null);

    private SharedConnections() {}

    /**
     * The shared connection of a configured server, as its settings and the Jenkins proxy settings are now. Holds the
     * class's lock, as {@link #closeAll()} does, so that no connection is made while they are being closed.
     *
     * @throws IllegalArgumentException when the server's URL or a custom header cannot be used
     * @throws IllegalStateException when Jenkins is stopping ({@link #isStopping()})
     */
    public static synchronized BytebaseConnection of(BytebaseServer server) {
        if (isStopping()) {
            throw new IllegalStateException("Jenkins is stopping: no new connection to Bytebase");
        }
        return CONNECTIONS.connection(key(server), settings(server));
    }

    /**
     * Whether the connections were closed because Jenkins is stopping. It happens after the running Pipelines were
     * suspended and before {@link Jenkins#isTerminating()} turns true: a step that fails to reach Bytebase then must not
     * fail its build, which resumes after the restart.
     */
    public static boolean isStopping() {
        Jenkins current = Jenkins.getInstanceOrNull();
        return current != null && current == stopped.get();
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
     * Closes every connection when Jenkins stops, after the running Pipelines were suspended (their steps resume after
     * the restart, on new connections). Calls under way finish first.
     */
    @Terminator(requires = FlowExecutionList.EXECUTIONS_SUSPENDED)
    public static synchronized void closeAll() {
        stopped = new WeakReference<>(Jenkins.getInstanceOrNull());
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
