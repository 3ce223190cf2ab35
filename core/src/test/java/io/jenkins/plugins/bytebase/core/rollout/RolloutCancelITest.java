package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.FAST;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.twoFiles;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_ENVIRONMENT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRunStatus;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancel and timeout need tasks that stay pending and running a while. */
class RolloutCancelITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(400)));

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void shouldCancelPendingAndRunningTaskRuns(BytebaseSandbox sandbox) {
        BytebaseClient client = Fixtures.client(sandbox);
        RolloutEngine engine = new RolloutEngine(client, events::add, Clock.systemUTC()).withPollBackoff(FAST);
        RolloutHandle handle = engine.start(request(null));
        PollResult started = engine.poll(handle);
        assertThat(started.state()).isEqualTo(PollResult.State.WAITING);

        int canceled = engine.cancel(started.handle());

        assertThat(canceled).isEqualTo(1);
        assertThat(client.listTaskRuns(handle.plan()))
                .extracting(TaskRun::status)
                .containsExactly(TaskRunStatus.CANCELED);
        assertThat(events).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(RolloutEvent.Type.CANCELED);
            assertThat(event.message()).contains("Canceled 1 task run");
        });
        PollResult after = engine.poll(started.handle());
        assertThat(after.state()).isEqualTo(PollResult.State.FAILED);
        assertThat(after.failure()).contains("was canceled").contains(TEST_DATABASE);
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
    }

    @Test
    void shouldFailAtTheDeadlineSayingWhatStillRuns(BytebaseSandbox sandbox) {
        RolloutEngine engine =
                new RolloutEngine(Fixtures.client(sandbox), events::add, Clock.systemUTC()).withPollBackoff(FAST);

        assertThatThrownBy(() -> engine.runToCompletion(request(Duration.ofMillis(300))))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("Timed out")
                .hasMessageContaining("before stage environments/prod was done")
                .hasMessageContaining("stage environments/test still has " + TEST_DATABASE);
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).isEmpty();
    }

    @Test
    void shouldCancelWhenInterrupted(BytebaseSandbox sandbox) {
        BytebaseClient client = Fixtures.client(sandbox);
        RolloutEngine engine = new RolloutEngine(client, events::add, Clock.systemUTC())
                .withPollBackoff(FAST)
                .withSleeper(duration -> {
                    throw new InterruptedException("stop");
                });

        assertThatThrownBy(() -> engine.runToCompletion(request(null))).isInstanceOf(InterruptedException.class);
        assertThat(events).extracting(RolloutEvent::type).contains(RolloutEvent.Type.CANCELED);
        String plan = events.stream()
                .filter(event -> event.type() == RolloutEvent.Type.PLAN_CREATED)
                .findFirst()
                .orElseThrow()
                .message()
                .replaceAll("^Created plan (\\S+) .*$", "$1");
        assertThat(client.listTaskRuns(plan)).extracting(TaskRun::status).containsOnly(TaskRunStatus.CANCELED);
    }

    private static RolloutRequest request(Duration timeout) {
        return new RolloutRequest(
                PROJECT,
                List.of(TEST_DATABASE, PROD_DATABASE),
                twoFiles(),
                null,
                PROD_ENVIRONMENT,
                null,
                null,
                timeout);
    }
}
