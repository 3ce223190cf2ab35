package io.jenkins.plugins.bytebase.core.client;

import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Clients and data for the integration tests against the sandbox. */
final class SandboxClients {

    /** Short delays so retry tests take milliseconds. */
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    static final String TUTORIAL_SQL =
            "-- The tutorials' first migration.\n\nCREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT);\n";

    private SandboxClients() {}

    static BytebaseClient.Builder builder(BytebaseSandbox sandbox, Consumer<String> logger) {
        return BytebaseClient.builder(sandbox.url())
                .credentials(
                        Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret()))
                .retryPolicy(FAST_RETRIES)
                .logger(logger);
    }

    static BytebaseClient client(BytebaseSandbox sandbox) {
        return builder(sandbox, message -> {}).build();
    }

    static Release release(String version, String sql) {
        return Release.draft(
                ReleaseType.VERSIONED,
                List.of(ReleaseFile.of(
                        "migrations/" + version + "_change.sql", version, sql.getBytes(StandardCharsets.UTF_8))),
                null);
    }

    static long count(BytebaseSandbox sandbox, String method, String pathPrefix) {
        return sandbox.requests().stream()
                .filter(request ->
                        request.method().equals(method) && request.path().startsWith(pathPrefix))
                .count();
    }

    static List<Integer> statuses(BytebaseSandbox sandbox, String method, String pathPrefix) {
        return sandbox.requests().stream()
                .filter(request ->
                        request.method().equals(method) && request.path().startsWith(pathPrefix))
                .map(RecordedRequest::status)
                .toList();
    }
}
