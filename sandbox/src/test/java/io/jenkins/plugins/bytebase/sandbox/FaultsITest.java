package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsITest {

    @RegisterExtension
    static final BytebaseSandboxExtension EXTENSION =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    private static final String RELEASES = "/v1/" + BytebaseSandbox.PROJECT + "/releases";

    @Test
    void shouldFailTheNextRequestsButNotTheLogin(BytebaseSandbox sandbox) {
        sandbox.faults().failNext(2, 503);
        SandboxHttp http = new SandboxHttp(sandbox).login();

        SandboxHttp.Reply first = http.get(RELEASES);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("code").asInt()).isEqualTo(14);
        assertThat(http.get(RELEASES).status()).isEqualTo(503);
        assertThat(http.get(RELEASES).status()).isEqualTo(200);
    }

    @Test
    void shouldRateLimitWithRetryAfter(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().rateLimitNext(1, 7);

        SandboxHttp.Reply reply = http.get(RELEASES);
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.raw().headers().firstValue("Retry-After")).hasValue("7");
        assertThat(reply.json().get("code").asInt()).isEqualTo(8);
        assertThat(http.get(RELEASES).status()).isEqualTo(200);
    }

    @Test
    void shouldDropTheConnectionSoTheClientSeesAnIoException(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().dropNext(1);

        assertThatThrownBy(() -> http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;")))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sandbox.requests())
                .last()
                .extracting(RecordedRequest::status)
                .isEqualTo(0);
        assertThat(http.get(RELEASES).json().has("releases")).isFalse();
    }

    @Test
    void shouldDropACreateWithoutCarryingItOut(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().dropBeforeApplyNext(Faults.Change.CREATE_RELEASE, 1);

        assertThatThrownBy(() -> http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;")))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sandbox.requests())
                .last()
                .extracting(RecordedRequest::status)
                .isEqualTo(0);
        assertThat(sandbox.releaseNames()).isEmpty();
        assertThat(http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;"))
                        .status())
                .isEqualTo(200);
        assertThatThrownBy(() -> sandbox.faults().dropBeforeApplyNext(Faults.Change.CREATE_PLAN, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void shouldNeedTwoDropsToFailAGetBecauseTheJdkClientRetriesItOnce(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().dropNext(2);

        assertThatThrownBy(() -> http.get(RELEASES)).hasCauseInstanceOf(IOException.class);
        assertThat(sandbox.requests()).filteredOn(r -> r.status() == 0).hasSize(2);
    }

    @Test
    void shouldAnswerMalformedJson(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().malformedJsonNext(1);

        SandboxHttp.Reply reply = http.get(RELEASES);
        assertThat(reply.status()).isEqualTo(200);
        assertThatThrownBy(reply::json).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldDelayAnswersUntilCleared(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        http.get(RELEASES);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        sandbox.faults().clear();
        start = System.nanoTime();
        http.get(RELEASES);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(150));
    }

    @Test
    void shouldSendAnUnknownTaskStatus(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = RolloutFlowITest.createPlan(http, "SELECT 1;", "SELECT 2;");
        http.post("/v1/" + plan + "/rollout", "{}");
        sandbox.faults().unknownTaskStatus("PAUSED");

        assertThat(http.get("/v1/" + plan + "/rollout")
                        .json()
                        .at("/stages/0/tasks/0/status")
                        .asText())
                .isEqualTo("PAUSED");
        sandbox.faults().clear();
        assertThat(http.get("/v1/" + plan + "/rollout")
                        .json()
                        .at("/stages/0/tasks/0/status")
                        .asText())
                .isEqualTo("NOT_STARTED");
    }

    @Test
    void shouldRecordEveryRequestAndForgetThemOnReset(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        http.get(RELEASES + "?pageSize=10");
        assertThat(sandbox.requests())
                .extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/v1/auth/login", 200),
                        org.assertj.core.groups.Tuple.tuple("GET", RELEASES + "?pageSize=10", 200));
        assertThat(sandbox.requests().get(0).body()).contains(BytebaseSandbox.SERVICE_ACCOUNT);

        sandbox.reset();
        assertThat(sandbox.requests()).isEmpty();
        assertThat(http.get(RELEASES).status()).isEqualTo(401);
    }
}
