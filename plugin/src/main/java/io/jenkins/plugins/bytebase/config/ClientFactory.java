package io.jenkins.plugins.bytebase.config;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the engine's client for a configured server, through the Jenkins proxy settings. */
public final class ClientFactory {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private ClientFactory() {}

    /**
     * @param logger where the client's warnings go (version skew, retries), e.g. the build console
     */
    public static BytebaseClient create(BytebaseServer server, Credentials credentials, Consumer<String> logger) {
        HttpClient httpClient = ProxyConfiguration.newHttpClientBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        for (CustomHeader header : server.getCustomHeaders()) {
            if (header.getName() != null) {
                headers.put(header.getName(), header.plainValue());
            }
        }
        return BytebaseClient.builder(URI.create(server.getUrl()))
                .credentials(credentials)
                .httpClient(httpClient)
                .connectTimeout(CONNECT_TIMEOUT)
                .requestTimeout(Duration.ofSeconds(server.getTimeoutSeconds()))
                .customHeaders(headers)
                .logger(logger)
                .build();
    }
}
