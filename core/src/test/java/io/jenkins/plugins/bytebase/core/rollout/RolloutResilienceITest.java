package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.FAST;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.request;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.twoFiles;
import static io.jenkins.plugins.bytebase.core.testing.Fixtures.requests;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_ENVIRONMENT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rollouts that survive expired tokens, overloaded servers and a restart of the caller. */
class RolloutResilienceITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void shouldLogInAgainWhenTheTokenExpiresMidRollout(BytebaseSandbox sandbox) throws InterruptedException {
        RolloutEngine engine = engine();
        PollResult first = engine.poll(engine.start(request(twoFiles(), null, PROD_ENVIRONMENT)));

        sandbox.faults().expireTokens();
        PollResult last = pollToEnd(engine, first.handle());

        assertThat(last.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(requests(sandbox, "/auth/login")).hasSize(2);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).contains(401);
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    }

    @Test
    void shouldSurviveUnavailableAndRateLimitedPolls(BytebaseSandbox sandbox) throws InterruptedException {
        RolloutEngine engine = engine();
        RolloutHandle handle = engine.start(request(twoFiles(), null, PROD_ENVIRONMENT));

        sandbox.faults().failNext(2, 503).rateLimitNext(1, 0);
        PollResult last = pollToEnd(engine, handle);

        assertThat(last.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).contains(503, 429);
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    }

    @Test
    void shouldFinishFromAHandleRestoredAfterARestart(BytebaseSandbox sandbox) throws Exception {
        RolloutEngine before = engine();
        PollResult running = before.poll(before.start(request(twoFiles(), null, PROD_ENVIRONMENT)));
        assertThat(running.state()).isEqualTo(PollResult.State.WAITING);
        byte[] stored = serialize(running.handle());
        long startsBefore = count(RolloutEvent.Type.STAGE_STARTED);

        List<RolloutEvent> afterRestart = new CopyOnWriteArrayList<>();
        RolloutEngine after =
                new RolloutEngine(Fixtures.client(sandbox), afterRestart::add, Clock.systemUTC()).withPollBackoff(FAST);
        PollResult last = pollToEnd(after, (RolloutHandle) deserialize(stored));

        assertThat(last.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(startsBefore).isEqualTo(1L);
        assertThat(afterRestart)
                .filteredOn(event -> event.type() == RolloutEvent.Type.STAGE_STARTED)
                .as("the test stage was started before the restart; only prod starts after it")
                .singleElement()
                .satisfies(event -> assertThat(event.message()).contains(PROD_ENVIRONMENT));
        assertThat(requests(sandbox, "/auth/login"))
                .as("the new client logs in itself")
                .hasSize(2);
        assertThat(requests(sandbox, ":batchRun")).hasSize(2);
    }

    @Test
    void shouldKeepNoSecretInTheHandle(BytebaseSandbox sandbox) throws IOException {
        RolloutHandle handle = engine().start(request(twoFiles(), null, PROD_ENVIRONMENT));

        String stored = new String(serialize(handle), java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(stored).doesNotContain(sandbox.serviceAccountSecret());
        assertThat(handle.toString()).doesNotContain(sandbox.serviceAccountSecret());
    }

    private static PollResult pollToEnd(RolloutEngine engine, RolloutHandle handle) throws InterruptedException {
        PollResult result = engine.poll(handle);
        for (int polls = 0; result.state() == PollResult.State.WAITING; polls++) {
            assertThat(polls).as("polls before the end").isLessThan(500);
            Thread.sleep(result.pollAgainIn().toMillis());
            result = engine.poll(result.handle());
        }
        return result;
    }

    private long count(RolloutEvent.Type type) {
        return events.stream().filter(event -> event.type() == type).count();
    }

    private RolloutEngine engine() {
        return new RolloutEngine(Fixtures.client(SANDBOX.sandbox()), events::add, Clock.systemUTC())
                .withPollBackoff(FAST);
    }

    private static byte[] serialize(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
