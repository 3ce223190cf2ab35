package io.jenkins.plugins.bytebase.core.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Sends one request and returns what came back; no retries, no error mapping. */
final class HttpExecutor {

    private final HttpClient httpClient;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final Map<String, String> customHeaders;

    HttpExecutor(HttpClient httpClient, String baseUrl, Duration requestTimeout, Map<String, String> customHeaders) {
        this.httpClient = httpClient;
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.customHeaders = Map.copyOf(customHeaders);
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * @param bearerToken the token for {@code Authorization}, or {@code null} (login)
     */
    HttpResult send(ApiCall call, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        customHeaders.forEach(request::header);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response =
                httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new HttpResult(response.statusCode(), response.headers(), response.body());
    }
}
