package io.jenkins.plugins.bytebase.core.testing;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.client.RetryPolicy;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.migration.SourceFile;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Clients, files and request counts for the integration tests of the flows. */
public final class Fixtures {

    public static final String PATTERN = "migrations/*.sql";

    private Fixtures() {}

    /** A client of the sandbox that retries quickly, so fault tests stay fast. */
    public static BytebaseClient client(BytebaseSandbox sandbox) {
        return client(sandbox, sandbox.url());
    }

    /** The same, with another URL: one where nothing listens, say. */
    public static BytebaseClient client(BytebaseSandbox sandbox, URI url) {
        return BytebaseClient.builder(url)
                .credentials(
                        Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret()))
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50)))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A versioned set: {@code files("1.0.0_a.sql", "SQL", "1.1.0_b.sql", "SQL")}. */
    public static MigrationSet versioned(String... namesAndStatements) {
        return MigrationSets.versioned(sources(namesAndStatements), PATTERN);
    }

    public static List<SourceFile> sources(String... namesAndStatements) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < namesAndStatements.length; i += 2) {
            files.add(new SourceFile(
                    "migrations/" + namesAndStatements[i], namesAndStatements[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    /** Requests whose path contains the text, e.g. {@code ":batchRun"}. */
    public static List<RecordedRequest> requests(BytebaseSandbox sandbox, String pathPart) {
        return sandbox.requests().stream()
                .filter(request -> request.path().contains(pathPart))
                .toList();
    }
}
