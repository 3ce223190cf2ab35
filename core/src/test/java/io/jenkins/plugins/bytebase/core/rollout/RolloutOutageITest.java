package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.BOTH;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.twoFiles;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_ENVIRONMENT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.core.testing.SimulatedTime;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A waiting rollout and a Bytebase that goes away: an outage is waited out and reported once when it starts and once
 * when it ends; a definite answer ends the rollout at once. Time is simulated: the engine sleeps on a clock that only
 * it moves, so a 90 s outage takes no time and its figures are exact.
 */
class RolloutOutageITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();
    private final SimulatedTime time = new SimulatedTime();

    @Test
    void shouldWaitOutNinetySecondsOfRefusedConnectionsAndSaySoOnce(BytebaseSandbox sandbox) {
        RolloutEngine engine = engine(Fixtures.client(sandbox));
        RolloutHandle handle = engine.start(request(Duration.ofMinutes(30)));
        PollResult first = engine.poll(handle);
        sandbox.stopListening();
        long down = time.millis();

        List<PollResult> results = pollToEnd(engine, first, result -> {
            if (time.millis() - down >= 90_000) {
                sandbox.startListening();
            }
        });

        PollResult last = results.get(results.size() - 1);
        assertThat(last.state()).isEqualTo(PollResult.State.SUCCEEDED);
        List<PollResult> unreachable =
                results.stream().filter(PollResult::unreachable).toList();
        assertThat(unreachable)
                .extracting(result -> result.pollAgainIn().toMillis())
                .containsExactly(5000L, 7500L, 11250L, 16875L, 25312L, 37968L);
        assertThat(unreachable).allSatisfy(result -> assertThat(result.outage()).contains("Could not connect"));
        assertThat(unreachable).allSatisfy(result -> assertThat(result.state()).isEqualTo(PollResult.State.WAITING));
        assertOutageReportedOnce();
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    }

    @Test
    void shouldWaitOutAnswersOf503AndSaySoOnce(BytebaseSandbox sandbox) {
        RolloutEngine engine = engine(Fixtures.client(sandbox));
        PollResult first = engine.poll(engine.start(request(Duration.ofMinutes(30))));
        int attemptsPerPoll = 4; // the client's own retries (Fixtures.client)

        sandbox.faults().failNext(6 * attemptsPerPoll, 503);
        List<PollResult> results = pollToEnd(engine, first, result -> {});

        assertThat(results.get(results.size() - 1).state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(results.stream().filter(PollResult::unreachable))
                .hasSize(6)
                .allSatisfy(result -> assertThat(result.outage()).startsWith("HTTP 503"));
        assertOutageReportedOnce();
        assertThat(events)
                .filteredOn(event -> event.type() == RolloutEvent.Type.OUTAGE_ENDED)
                .singleElement()
                .satisfies(event -> assertThat(event.message()).contains("after 1 min 44 s"));
    }

    @Test
    void shouldGiveUpAtTheDeadlineWhenTheOutageOutlastsIt(BytebaseSandbox sandbox) {
        RolloutEngine engine = engine(Fixtures.client(sandbox));
        PollResult first = engine.poll(engine.start(request(Duration.ofMinutes(2))));

        sandbox.faults().failNext(1000, 503);
        List<PollResult> results = pollToEnd(engine, first, result -> {});

        PollResult last = results.get(results.size() - 1);
        assertThat(last.state()).isEqualTo(PollResult.State.FAILED);
        assertThat(last.failure())
                .startsWith("Timed out at")
                .contains("Bytebase has not answered since")
                .contains("HTTP 503");
        assertThat(time.sleeps().stream().mapToLong(Duration::toMillis).sum())
                .as("simulated time until the deadline, not beyond")
                .isLessThanOrEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(events)
                .filteredOn(e -> e.type() == RolloutEvent.Type.OUTAGE_STARTED)
                .hasSize(1);
    }

    @Test
    void shouldWaitOutAnOutageWhileCreatingOnceBytebaseHasAnswered(BytebaseSandbox sandbox) {
        BytebaseClient client = Fixtures.client(sandbox);
        client.serverInfo(); // login and version probe done: the next request is the create of the release
        RolloutEngine engine = engine(client);

        sandbox.faults().failNext(2, 503);
        RolloutHandle handle = engine.start(request(Duration.ofMinutes(30)));

        assertThat(sandbox.releaseNames()).containsExactly(handle.release());
        assertThat(postsOfReleases(sandbox)).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
        assertThat(time.sleeps()).extracting(Duration::toMillis).containsExactly(5000L, 7500L);
        assertOutageReportedOnce();
    }

    @Test
    void shouldFailAtOnceWhenBytebaseWasNeverReached() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RolloutEngine engine = engine(Fixtures.client(SANDBOX.sandbox(), URI.create("http://127.0.0.1:" + port)));

        assertThatThrownBy(() -> engine.start(request(Duration.ofMinutes(30))))
                .isInstanceOf(BytebaseException.class)
                .hasMessageContaining("Could not connect to http://127.0.0.1:" + port);
        assertThat(time.sleeps()).as("a wrong URL is not waited out").isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void shouldFailAtOnceWhenAccessIsDenied(BytebaseSandbox sandbox) {
        shouldFailAtOnceOn(sandbox, 403, 1, "roles/gitopsServiceAgent");
    }

    @Test
    void shouldFailAtOnceWhenTheRolloutIsGone(BytebaseSandbox sandbox) {
        shouldFailAtOnceOn(sandbox, 404, 1, "Bytebase could not find");
    }

    @Test
    void shouldFailAtOnceWhenAFreshLoginIsRefusedToo(BytebaseSandbox sandbox) {
        shouldFailAtOnceOn(sandbox, 401, 2, "even after a fresh login");
    }

    private static List<RecordedRequest> postsOfReleases(BytebaseSandbox sandbox) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().startsWith("/v1/" + PROJECT + "/releases"))
                .toList();
    }

    private void shouldFailAtOnceOn(BytebaseSandbox sandbox, int status, int faults, String remedy) {
        RolloutEngine engine = engine(Fixtures.client(sandbox));
        PollResult first = engine.poll(engine.start(request(Duration.ofMinutes(30))));
        int before = sandbox.requests().size();

        sandbox.faults().failNext(faults, status);
        PollResult result = engine.poll(first.handle());

        assertThat(result.state()).isEqualTo(PollResult.State.FAILED);
        assertThat(result.failure())
                .startsWith("Could not read rollout " + first.handle().rollout())
                .contains("HTTP " + status)
                .contains(remedy);
        assertThat(result.unreachable()).isFalse();
        assertThat(sandbox.requests().subList(before, sandbox.requests().size()))
                .extracting(RecordedRequest::path)
                .filteredOn(path -> !path.endsWith("/auth/login"))
                .as("no attempt beyond the client's one replay after a fresh login")
                .hasSize(faults);
        assertThat(events)
                .extracting(RolloutEvent::type)
                .doesNotContain(RolloutEvent.Type.OUTAGE_STARTED)
                .endsWith(RolloutEvent.Type.ROLLOUT_FAILED);
    }

    private void assertOutageReportedOnce() {
        assertThat(events)
                .filteredOn(event -> event.type() == RolloutEvent.Type.OUTAGE_STARTED)
                .singleElement()
                .satisfies(event -> assertThat(event.message())
                        .startsWith("Bytebase cannot be reached (")
                        .contains("keeps waiting until")
                        .contains("pauses growing to 60 s"));
        assertThat(events)
                .filteredOn(event -> event.type() == RolloutEvent.Type.OUTAGE_ENDED)
                .singleElement()
                .satisfies(event -> assertThat(event.message()).startsWith("Bytebase answers again, after "));
        List<RolloutEvent.Type> order = events.stream().map(RolloutEvent::type).toList();
        assertThat(order.indexOf(RolloutEvent.Type.OUTAGE_STARTED))
                .isLessThan(order.indexOf(RolloutEvent.Type.OUTAGE_ENDED));
    }

    /** Polls as the plugin's timer would: each time after the delay the last poll asked for, on simulated time. */
    private List<PollResult> pollToEnd(RolloutEngine engine, PollResult first, Consumer<PollResult> afterEach) {
        List<PollResult> results = new ArrayList<>(List.of(first));
        PollResult result = first;
        while (result.state() == PollResult.State.WAITING) {
            assertThat(results).as("polls before the end").hasSizeLessThan(2000);
            time.sleep(result.pollAgainIn());
            afterEach.accept(result);
            if (result.pollAgainIn().isZero()) {
                sleepBriefly(); // the sandbox's tasks move on real time
            }
            result = engine.poll(result.handle());
            results.add(result);
        }
        return results;
    }

    private RolloutEngine engine(BytebaseClient client) {
        return new RolloutEngine(client, events::add, time)
                .withPollBackoff(new PollBackoff(Duration.ofMillis(500), Duration.ofSeconds(5)))
                .withSleeper(time);
    }

    private static RolloutRequest request(Duration timeout) {
        return new RolloutRequest(PROJECT, BOTH, twoFiles(), null, PROD_ENVIRONMENT, null, null, timeout);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
