package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny JSON-over-HTTP client for the tests, on {@link HttpClient}. */
final class SandboxHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response: status, raw body and (when it parses) JSON. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BytebaseSandbox sandbox;
    private String token;

    SandboxHttp(BytebaseSandbox sandbox) {
        this.sandbox = sandbox;
    }

    SandboxHttp login() {
        Reply reply = post(
                "/v1/auth/login",
                "{\"email\":\"" + BytebaseSandbox.SERVICE_ACCOUNT + "\",\"password\":\""
                        + sandbox.serviceAccountSecret() + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply.body());
        }
        token = reply.json().get("token").asText();
        return this;
    }

    String token() {
        return token;
    }

    Reply get(String path) {
        return send(builder(path).GET().build());
    }

    Reply post(String path, String body) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(sandbox.url() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- request bodies

    static String base64(String sql) {
        return Base64.getEncoder().encodeToString(sql.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode release(String... pathVersionSql) {
        ObjectNode release = MAPPER.createObjectNode();
        release.put("type", "VERSIONED");
        var files = release.putArray("files");
        for (int i = 0; i < pathVersionSql.length; i += 3) {
            files.addObject()
                    .put("path", pathVersionSql[i])
                    .put("version", pathVersionSql[i + 1])
                    .put("statement", base64(pathVersionSql[i + 2]));
        }
        return release;
    }

    static ObjectNode checkRequest(ObjectNode release, String... targets) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("release", release);
        var array = body.putArray("targets");
        for (String target : targets) {
            array.add(target);
        }
        return body;
    }

    static ObjectNode plan(String title, String release, String... targets) {
        ObjectNode plan = MAPPER.createObjectNode();
        plan.put("title", title);
        ObjectNode config = plan.putArray("specs")
                .addObject()
                .put("id", "8f3a6c2e-0000-4000-8000-000000000001")
                .putObject("changeDatabaseConfig");
        config.put("release", release);
        var array = config.putArray("targets");
        for (String target : targets) {
            array.add(target);
        }
        return plan;
    }
}
