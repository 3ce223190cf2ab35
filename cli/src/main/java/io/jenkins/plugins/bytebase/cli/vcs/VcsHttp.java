package io.jenkins.plugins.bytebase.cli.vcs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over HTTP to a code host (GitHub, GitLab, Bitbucket, Azure DevOps): one request, one answer, a bounded wait.
 * Failures name the method, the address and the status, never a header: headers carry the CI system's tokens.
 */
public final class VcsHttp {

    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** How much of an error answer a message quotes. */
    private static final int QUOTED_BODY = 300;

    private final HttpClient client;
    private final Duration timeout;

    private VcsHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Straight to the host, whatever proxy the JVM is told about. */
    public static VcsHttp direct(Duration timeout) {
        return new VcsHttp(
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .build(),
                timeout);
    }

    /** Every request through an HTTP proxy, as Bitbucket Pipelines' authenticating one. */
    public static VcsHttp through(InetSocketAddress proxy, Duration timeout) {
        return new VcsHttp(
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .proxy(ProxySelector.of(proxy))
                        .build(),
                timeout);
    }

    /**
     * Sends one request; {@code body} is written as JSON when not {@code null}.
     *
     * @throws VcsCallException when no answer came (refused, timed out, interrupted)
     */
    public Answer send(String method, URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).setHeader("Accept", "application/json");
        // Replaces rather than adds, so that a host's own Accept wins over the default.
        headers.forEach(request::setHeader);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    method,
                    uri,
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Link"));
        } catch (IOException e) {
            throw new VcsCallException(method + " " + uri + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VcsCallException(method + " " + uri + " was interrupted", e);
        }
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request body that Jackson cannot write: " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * An answer of any status.
     *
     * @param link the {@code Link} header, for GitHub's pages
     */
    public record Answer(String method, URI uri, int status, String body, Optional<String> link) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** This answer when its status is 2xx. @throws VcsCallException naming what failed otherwise */
        public Answer requireOk(String what) {
            if (!ok()) {
                throw new VcsCallException(
                        what + " failed: " + method + " " + uri + " answered HTTP " + status + quote(body));
            }
            return this;
        }

        /** The body as JSON. @throws VcsCallException when it is not JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isBlank() ? "null" : body);
            } catch (JsonProcessingException e) {
                throw new VcsCallException(method + " " + uri + " answered something that is not JSON", e);
            }
        }

        private static String quote(String body) {
            if (body == null || body.isBlank()) {
                return "";
            }
            String line = body.strip().replaceAll("\\s+", " ");
            return ": " + (line.length() > QUOTED_BODY ? line.substring(0, QUOTED_BODY) + "…" : line);
        }
    }
}
