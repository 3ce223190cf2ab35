package io.jenkins.plugins.bytebase.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.BytebaseConnection;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEvent;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many rollout engines at once on one connection, as the builds of a Jenkins controller are. */
class SharedConnectionRolloutsITest {

    private static final int ROLLOUTS = 10;

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(300)));

    @Test
    void shouldLogInOnceProbeOnceAndShareTheConnectionsWhileEachEngineKeepsItsOwnEvents(BytebaseSandbox sandbox)
            throws Exception {
        Credentials credentials =
                Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret());
        List<List<RolloutEvent>> events = new ArrayList<>();
        ExecutorService builds = Executors.newFixedThreadPool(ROLLOUTS);
        try (BytebaseConnection connection =
                BytebaseConnection.builder(sandbox.url()).build()) {
            List<Future<PollResult>> results = new ArrayList<>();
            for (int i = 0; i < ROLLOUTS; i++) {
                List<RolloutEvent> own = new CopyOnWriteArrayList<>();
                events.add(own);
                RolloutEngine engine =
                        new RolloutEngine(connection.client(credentials, line -> {}), own::add, Clock.systemUTC());
                RolloutRequest request = new RolloutRequest(
                        BytebaseSandbox.PROJECT,
                        List.of(BytebaseSandbox.TEST_DATABASE),
                        Fixtures.versioned((i + 1) + ".0.0_build.sql", "CREATE TABLE t" + i + " (id INT);"),
                        null,
                        BytebaseSandbox.TEST_ENVIRONMENT,
                        null,
                        null,
                        Duration.ofMinutes(2));
                results.add(builds.submit(() -> engine.runToCompletion(request)));
            }
            for (Future<PollResult> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES).state()).isEqualTo(PollResult.State.SUCCEEDED);
            }
        } finally {
            builds.shutdownNow();
        }

        List<RecordedRequest> requests = sandbox.requests();
        assertThat(requests).filteredOn(r -> r.path().equals("/v1/auth/login")).hasSize(1);
        assertThat(requests)
                .filteredOn(r -> r.path().equals("/v1/actuator/info"))
                .hasSize(1);
        assertThat(requests.stream().map(RecordedRequest::clientPort).distinct().count())
                .as("connections: at most one per request under way at once")
                .isLessThanOrEqualTo(ROLLOUTS);
        assertThat(Fixtures.requests(sandbox, ":batchRun")).hasSize(ROLLOUTS);
        List<String> stagesDone = new ArrayList<>();
        for (List<RolloutEvent> own : events) {
            assertThat(own)
                    .extracting(RolloutEvent::type)
                    .containsOnlyOnce(RolloutEvent.Type.PLAN_CREATED, RolloutEvent.Type.STAGE_DONE);
            own.stream().filter(e -> e.type() == RolloutEvent.Type.STAGE_DONE).forEach(e -> stagesDone.add(e.url()));
        }
        assertThat(stagesDone).as("each engine heard of its own rollout only").doesNotHaveDuplicates();
    }
}
