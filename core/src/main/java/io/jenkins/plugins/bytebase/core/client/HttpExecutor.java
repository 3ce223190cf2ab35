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
        SentBody sent = null;
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            sent = new SentBody(call.body());
            request.header("Content-Type", "application/json");
            request.method(call.method(), publisher(sent));
        }
        long start = System.nanoTime();
        // The JDK's timeout covers the headers only; BodyStream holds the body to the rest of it.
        HttpResponse<InputStream> response;
        try {
            response = httpClient.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            if (sent != null && sent.failure() != null) {
                throw new UnwritableBody(sent.failure());
            }
            throw e;
        }
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
     * The body with its length, read as it is sent in the JDK's small buffers, each let go once sent;
     * {@code BodyPublishers.ofByteArray} would need the body whole. A failure to produce the body is kept by
     * {@link SentBody}: JDK 17 reports it only as a body shorter than its length.
     */
    private static HttpRequest.BodyPublisher publisher(SentBody body) {
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body::open), body.length());
    }

    /** The body could not be produced: a fault of the client, not of the transport; never retried. */
    static final class UnwritableBody extends IOException {
        private static final long serialVersionUID = 1L;

        UnwritableBody(Throwable cause) {
            super("cannot write the request body: " + cause.getMessage(), cause);
        }
    }
}
