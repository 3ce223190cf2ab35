package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.Faults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provokes every kind of error with both kinds of credentials and checks that neither the secret nor a token shows
 * in a message, a {@code toString()}, a stack trace (causes included) or a log line.
 */
@ExtendWith(BytebaseSandboxExtension.class)
class SecretLeakITest {

    /** Base64 of <code>{"</code>: how every JWT the sandbox issues begins. */
    private static final String JWT_PREFIX = "eyJ";

    private final List<String> texts = new ArrayList<>();

    @Test
    void shouldKeepTheServiceAccountSecretAndItsTokenOutOfEveryError(BytebaseSandbox sandbox) {
        String secret = sandbox.serviceAccountSecret();
        Function<Duration, BytebaseClient> clients = timeout -> SandboxClients.builder(sandbox, texts::add)
                .requestTimeout(timeout)
                .build();

        provokeEveryError(sandbox, clients);
        record(catchThrowable(() -> BytebaseClient.builder(sandbox.url())
                .credentials(Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, secret + "x"))
                .build()
                .getPlan(PROJECT + "/plans/1")));

        assertThat(texts)
                .hasSizeGreaterThan(10)
                .allSatisfy(text -> assertThat(text).doesNotContain(secret).doesNotContain(JWT_PREFIX));
    }

    @Test
    void shouldKeepAnAccessTokenOutOfEveryError(BytebaseSandbox sandbox) throws Exception {
        String token = login(sandbox);
        Function<Duration, BytebaseClient> clients = timeout -> BytebaseClient.builder(sandbox.url())
                .credentials(Credentials.accessToken(token))
                .retryPolicy(SandboxClients.FAST_RETRIES)
                .requestTimeout(timeout)
                .logger(texts::add)
                .build();

        provokeEveryError(sandbox, clients);
        sandbox.faults().expireTokens();
        record(catchThrowable(() -> clients.apply(Duration.ofSeconds(5)).getPlan(PROJECT + "/plans/1")));

        assertThat(texts)
                .hasSizeGreaterThan(10)
                .allSatisfy(text -> assertThat(text).doesNotContain(token).doesNotContain(JWT_PREFIX));
    }

    private void provokeEveryError(BytebaseSandbox sandbox, Function<Duration, BytebaseClient> clients) {
        BytebaseClient client = clients.apply(Duration.ofSeconds(5));
        texts.add(client.serverInfo().toString());
        String plan = PROJECT + "/plans/1";
        provoke(sandbox, faults -> faults.failNext(1, 403), () -> client.getPlan(plan));
        provoke(sandbox, faults -> {}, () -> client.getPlan(PROJECT + "/plans/999999"));
        provoke(sandbox, faults -> {}, () -> client.createRelease(PROJECT, duplicateVersions(), null, null));
        provoke(sandbox, faults -> faults.rateLimitNext(5, 0), () -> client.getPlan(plan));
        provoke(sandbox, faults -> faults.failNext(5, 503), () -> client.getPlan(plan));
        provoke(
                sandbox,
                faults -> faults.failNext(1, 500),
                () -> client.createPlan(
                        PROJECT,
                        BytebaseClientITest.plan(
                                new Release(PROJECT + "/releases/r", null, null, null, null, null, null, null),
                                TEST_DATABASE)));
        provoke(sandbox, faults -> faults.malformedJsonNext(1), () -> client.checkRelease(PROJECT, check()));
        provoke(sandbox, faults -> faults.dropNext(1), () -> client.createRollout(plan, null));
        BytebaseClient impatient = clients.apply(Duration.ofMillis(100));
        impatient.serverInfo();
        provoke(sandbox, faults -> faults.latency(Duration.ofMillis(500)), () -> impatient.getRollout(plan));
    }

    private void provoke(BytebaseSandbox sandbox, Consumer<Faults> fault, Runnable call) {
        fault.accept(sandbox.faults());
        try {
            record(catchThrowable(call::run));
        } finally {
            sandbox.faults().clear();
        }
    }

    private void record(Throwable thrown) {
        assertThat(thrown).isInstanceOf(BytebaseException.class);
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        texts.add(thrown.toString());
        texts.add(trace.toString());
    }

    private static Release duplicateVersions() {
        return Release.draft(
                ReleaseType.VERSIONED,
                List.of(
                        ReleaseFile.of("1.0_a.sql", "1.0", new byte[] {'x'}),
                        ReleaseFile.of("1.0_b.sql", "1.0", new byte[] {'y'})),
                null);
    }

    private static CheckReleaseRequest check() {
        return new CheckReleaseRequest(
                SandboxClients.release("1.0.0", SandboxClients.TUTORIAL_SQL), List.of(TEST_DATABASE), null, null);
    }

    private static String login(BytebaseSandbox sandbox) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1/auth/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\""
                                        + BytebaseSandbox.SERVICE_ACCOUNT + "\",\"password\":\""
                                        + sandbox.serviceAccountSecret() + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return WireJson.tree(response.body()).path("token").asText();
    }
}
