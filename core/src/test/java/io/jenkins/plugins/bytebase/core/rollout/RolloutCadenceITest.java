package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.BOTH;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.twoFiles;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_ENVIRONMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.core.testing.SimulatedTime;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How often a waiting rollout reads Bytebase over a long wait, counted in the sandbox's recorded requests. The task
 * never ends (each step takes 2 h in the sandbox) and the engine sleeps on simulated time, so an hour's wait takes a
 * few seconds and the count is exact.
 */
class RolloutCadenceITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofHours(2)));

    /** Tasks that change status while the engine polls: PENDING for 1 s of real time, RUNNING for 1 s, then DONE. */
    @Test
    void shouldNotComeBackToQuickPollsWhenATaskChangesStatus() throws InterruptedException {
        SimulatedTime time = new SimulatedTime();
        List<RolloutEvent> events = new CopyOnWriteArrayList<>();
        PollResult result;
        try (BytebaseSandbox moving =
                BytebaseSandbox.start(SandboxOptions.defaults().withTaskStepDelay(Duration.ofSeconds(1)))) {
            RolloutEngine engine = new RolloutEngine(Fixtures.client(moving), events::add, time).withSleeper(time);
            result = engine.runToCompletion(new RolloutRequest(
                    PROJECT, BOTH, twoFiles(), null, TEST_ENVIRONMENT, null, null, Duration.ofDays(1)));
        }

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(events)
                .filteredOn(event -> event.type() == RolloutEvent.Type.TASK_STATUS_CHANGED)
                .extracting(RolloutEvent::message)
                .anySatisfy(message -> assertThat(message).contains("PENDING -> RUNNING"))
                .anySatisfy(message -> assertThat(message).contains("RUNNING -> DONE"));
        List<Duration> sleeps = time.sleeps();
        assertThat(sleeps).hasSizeGreaterThan(7);
        assertThat(sleeps.subList(7, sleeps.size()))
                .allSatisfy(sleep -> assertThat(sleep).isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void shouldReadTheRolloutTwelveTimesAMinuteOverAnHourAfterQuickFirstPolls(BytebaseSandbox sandbox) {
        SimulatedTime time = new SimulatedTime();
        RolloutEngine engine =
                new RolloutEngine(Fixtures.client(sandbox), RolloutListener.NONE, time).withSleeper(time);
        RolloutRequest request = new RolloutRequest(
                PROJECT, BOTH, twoFiles(), null, TEST_ENVIRONMENT, null, null, Duration.ofMinutes(60));

        assertThatThrownBy(() -> engine.runToCompletion(request))
                .isInstanceOf(RolloutException.class)
                .hasMessageStartingWith("Timed out");

        List<RecordedRequest> reads = sandbox.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().endsWith("/rollout"))
                .toList();
        assertThat(reads.size())
                .as("GET …/rollout in 60 simulated minutes: one every 5 s, plus the quick first polls")
                .isBetween(720, 726);
        List<Duration> sleeps = time.sleeps();
        assertThat(sleeps.subList(0, 7))
                .extracting(Duration::toMillis)
                .containsExactly(500L, 750L, 1125L, 1687L, 2530L, 3795L, 5000L);
        assertThat(sleeps.subList(7, sleeps.size() - 1))
                .as("no return to quick polls while the task waits")
                .allSatisfy(sleep -> assertThat(sleep).isEqualTo(Duration.ofSeconds(5)));
        assertThat(sandbox.requests())
                .filteredOn(r -> r.path().contains(":batchRun"))
                .hasSize(1);
    }
}
