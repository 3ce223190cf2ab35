package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRunStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Rolls out stage by stage up to a target stage (earlier stages first). Holds no thread while waiting: a caller
 * {@link #start starts}, then calls {@link #poll} whenever the previous poll asked, on whatever timer it has.
 * {@link #runToCompletion} is the blocking convenience for command-line use.
 *
 * <p>Polling starts at 0.5 s when a stage starts and grows to a cap (default 5 s): quick polls notice a short stage
 * within about a second, and a long wait costs 12 requests a minute ({@link PollBackoff}).
 *
 * <p>While Bytebase cannot be reached (connection refused, reset or timed out; 429, 502, 503, 504), a poll is no
 * failure: it says so once, in an {@link RolloutEvent.Type#OUTAGE_STARTED} event and in {@link PollResult#outage()},
 * keeps waiting with pauses growing to a minute until the rollout's deadline, and says once when Bytebase answers
 * again. A definite answer (401 after a fresh login, 403, 404, any other refusal) or a failed or canceled task ends the
 * rollout at once. A create or a task run whose answer was lost is read back before anything is sent again: never a
 * second release, plan or task run.
 *
 * <p>The engine keeps no state between calls (everything lives in the {@link RolloutHandle}), so it may be called
 * from different threads one after another, and a handle restored after a restart can be polled by a new engine.
 */
public final class RolloutEngine {

    /**
     * How the engine waits: between the polls of {@link #runToCompletion}, and through an outage or for a lost answer
     * while starting. Tests pass one that does not really sleep.
     */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final BytebaseClient client;
    private final RolloutListener listener;
    private final Clock clock;
    private final PollBackoff backoff;
    private final PollBackoff outageBackoff;
    private final Sleeper sleeper;
    private final SnapshotMapper snapshots;

    public RolloutEngine(BytebaseClient client, RolloutListener listener, Clock clock) {
        this(
                client,
                listener,
                clock,
                PollBackoff.defaults(),
                PollBackoff.outages(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    private RolloutEngine(
            BytebaseClient client,
            RolloutListener listener,
            Clock clock,
            PollBackoff backoff,
            PollBackoff outageBackoff,
            Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = listener == null ? RolloutListener.NONE : listener;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.outageBackoff = Objects.requireNonNull(outageBackoff, "outageBackoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.snapshots = new SnapshotMapper(client::webUrl);
    }

    /** The same engine with other poll delays (default: 0.5 s growing to 5 s). */
    public RolloutEngine withPollBackoff(PollBackoff pollBackoff) {
        return new RolloutEngine(client, listener, clock, pollBackoff, outageBackoff, sleeper);
    }

    /** The same engine with other delays while Bytebase cannot be reached (default: 5 s growing to 60 s). */
    public RolloutEngine withOutageBackoff(PollBackoff otherOutageBackoff) {
        return new RolloutEngine(client, listener, clock, backoff, otherOutageBackoff, sleeper);
    }

    /**
     * The same engine with another way to wait: between the polls of {@link #runToCompletion}, and while an outage is
     * waited out or a lost answer looked for in {@link #start}.
     */
    public RolloutEngine withSleeper(Sleeper otherSleeper) {
        return new RolloutEngine(client, listener, clock, backoff, outageBackoff, otherSleeper);
    }

    public PollBackoff pollBackoff() {
        return backoff;
    }

    public PollBackoff outageBackoff() {
        return outageBackoff;
    }

    /**
     * Checks the request, creates release, plan and rollout (or continues the request's plan) and returns what to
     * poll.
     *
     * @throws RolloutException when the request cannot be sent (bad names, no or duplicate files), before any request
     *     to the server; its message says what to fix. Also when an outage outlasts the deadline (or
     *     {@code RolloutStarter.OUTAGE_LIMIT} without one), or a create got no answer and made nothing
     * @throws BytebaseException when the server refuses a step, or cannot be reached at all (login)
     */
    public RolloutHandle start(RolloutRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            RequestCheck.validate(request);
        } catch (IllegalArgumentException invalid) {
            // One exception type for "this rollout cannot go on", so front ends need a single catch.
            throw new RolloutException(invalid.getMessage());
        }
        long deadline = request.timeout() == null
                ? 0
                : clock.millis() + request.timeout().toMillis();
        return new RolloutStarter(client, listener, snapshots, clock, sleeper, outageBackoff)
                .start(request, deadline, backoff.initial().toMillis());
    }

    /**
     * Reads the rollout once, runs the current stage's NOT_STARTED tasks, and says when to poll next. Never throws for
     * what the server answers or fails to answer: an outage is a {@code WAITING} result with {@link PollResult#outage()}
     * set, a refusal a {@code FAILED} one.
     *
     * @throws BytebaseException only when the calling thread was interrupted while it waited for Bytebase
     */
    public PollResult poll(RolloutHandle handle) {
        Objects.requireNonNull(handle, "handle");
        return new Poller(client, listener, clock, backoff, outageBackoff, snapshots).poll(handle);
    }

    /**
     * Cancels the rollout's pending and running task runs, grouped by stage.
     *
     * @return how many task runs were canceled
     */
    public int cancel(RolloutHandle handle) {
        Objects.requireNonNull(handle, "handle");
        Map<String, List<String>> byStage = new LinkedHashMap<>();
        for (TaskRun run : client.listTaskRuns(handle.plan())) {
            if (run.status() == TaskRunStatus.PENDING || run.status() == TaskRunStatus.RUNNING) {
                byStage.computeIfAbsent(Names.stageOf(run.name()), stage -> new ArrayList<>())
                        .add(run.name());
            }
        }
        byStage.forEach(client::batchCancelTaskRuns);
        int count = byStage.values().stream().mapToInt(List::size).sum();
        String stages = byStage.keySet().stream().map(Names::lastSegment).collect(Collectors.joining(", "));
        emit(
                RolloutEvent.Type.CANCELED,
                count == 0
                        ? "Nothing to cancel in " + handle.rollout() + ": no pending or running task run"
                        : "Canceled " + count + (count == 1 ? " task run" : " task runs") + " of " + handle.rollout()
                                + " (stages " + stages + ")",
                client.webUrl(handle.rollout()));
        return count;
    }

    /**
     * Starts and polls until the target stage is done, sleeping as each poll asks. When interrupted, it cancels the
     * pending and running task runs (as {@code bytebase-action} does on a signal) and throws.
     *
     * @return the last poll, {@code SUCCEEDED}
     * @throws RolloutException when a task fails or is canceled, the target stage does not exist, or time runs out
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public PollResult runToCompletion(RolloutRequest request) throws InterruptedException {
        RolloutHandle handle = start(request);
        while (true) {
            PollResult result = poll(handle);
            if (result.state() == PollResult.State.SUCCEEDED) {
                return result;
            }
            if (result.state() == PollResult.State.FAILED) {
                throw new RolloutException(result.failure(), result.handle(), result.snapshot());
            }
            handle = result.handle();
            try {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while rolling out " + handle.rollout());
                }
                sleeper.sleep(result.pollAgainIn());
            } catch (InterruptedException interrupted) {
                cancelQuietly(handle, interrupted);
                throw interrupted;
            }
        }
    }

    private void cancelQuietly(RolloutHandle handle, InterruptedException interrupted) {
        try {
            cancel(handle);
        } catch (RuntimeException cancelFailed) {
            interrupted.addSuppressed(cancelFailed);
        }
    }

    private void emit(RolloutEvent.Type type, String message, String url) {
        listener.onEvent(new RolloutEvent(type, message, url == null ? "" : url));
    }
}
