package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Sends one request and returns what came back; no retries, no error mapping. */
final class HttpExecutor {

    /** Error bodies are short JSON or a page; only their start is ever shown. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    /** What may follow a successful JSON value before the connection is dropped rather than read to its end. */
    private static final int DRAIN_LIMIT = 64 * 1024;

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
     * Sends the call and reads the answer within the request timeout: a successful body straight into {@code reader}
     * (never held whole as text), an error body as text up to {@link #ERROR_BODY_LIMIT}.
     *
     * @param bearerToken the token for {@code Authorization}, or {@code null} (login)
     * @throws IOException when the transport failed, also while the body was arriving, or the timeout passed
     */
    HttpResult send(ApiCall call, String bearerToken, WireJson.BodyReader reader)
            throws IOException, InterruptedException {
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
            request.method(call.method(), publisher(call.body()));
        }
        long start = System.nanoTime();
        // The JDK's timeout covers the headers only; BodyStream holds the body to the rest of it.
        HttpResponse<InputStream> response =
                httpClient.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Duration remaining = requestTimeout.minusNanos(System.nanoTime() - start);
        try (BodyStream body = new BodyStream(response.body(), remaining, requestTimeout)) {
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                return new HttpResult(status, response.headers(), body.readText(ERROR_BODY_LIMIT));
            }
            Object value = null;
            Exception unreadable = null;
            try {
                value = reader.read(body);
            } catch (IOException | RuntimeException e) {
                if (body.failure() != null) {
                    throw body.failure(); // the body broke off or timed out; its JSON is not at fault
                }
                if (!(e instanceof JsonProcessingException) && !(e instanceof RuntimeException)) {
                    throw (IOException) e;
                }
                unreadable = e;
            }
            if (unreadable == null) {
                body.drain(DRAIN_LIMIT);
            }
            return new HttpResult(status, response.headers(), body.head(), value, unreadable);
        }
    }

    /**
     * The body with its length, written now and read in small buffers as it is sent; each buffer is let go once sent.
     * {@code BodyPublishers.ofString} and {@code ofByteArray} copy the whole body into buffers up front, and the
     * request (which the exchange references until the answer has been read) would hold the body's bytes throughout.
     */
    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        AtomicReference<RequestBody.Chunks> written = new AtomicReference<>(body.write());
        long length = written.get().length();
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    RequestBody.Chunks chunks = written.getAndSet(null);
                    // a second subscription (the JDK does not make one for our requests) writes the body anew
                    return (chunks != null ? chunks : body.write()).stream();
                }),
                length);
    }
}
