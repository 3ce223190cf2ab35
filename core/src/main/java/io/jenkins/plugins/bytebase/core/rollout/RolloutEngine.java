package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>Polling starts at about 0.5 s, backs off to a cap (default 5 s) and resets when a task status changes.
 *
 * <p>The engine keeps no state between calls (everything lives in the {@link RolloutHandle}), so it may be called
 * from different threads one after another, and a handle restored after a restart can be polled by a new engine.
 */
public final class RolloutEngine {

    /** How {@link #runToCompletion} waits between polls; tests pass one that does not really sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final BytebaseClient client;
    private final RolloutListener listener;
    private final Clock clock;
    private final PollBackoff backoff;
    private final Sleeper sleeper;
    private final SnapshotMapper snapshots;

    public RolloutEngine(BytebaseClient client, RolloutListener listener, Clock clock) {
        this(client, listener, clock, PollBackoff.defaults(), duration -> Thread.sleep(duration.toMillis()));
    }

    private RolloutEngine(
            BytebaseClient client, RolloutListener listener, Clock clock, PollBackoff backoff, Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = listener == null ? RolloutListener.NONE : listener;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.snapshots = new SnapshotMapper(client::webUrl);
    }

    /** The same engine with other poll delays (default: 0.5 s doubling up to 5 s). */
    public RolloutEngine withPollBackoff(PollBackoff pollBackoff) {
        return new RolloutEngine(client, listener, clock, pollBackoff, sleeper);
    }

    /** The same engine with another way for {@link #runToCompletion} to wait. */
    public RolloutEngine withSleeper(Sleeper otherSleeper) {
        return new RolloutEngine(client, listener, clock, backoff, otherSleeper);
    }

    public PollBackoff pollBackoff() {
        return backoff;
    }

    /**
     * Checks the request, creates release, plan and rollout (or continues the request's plan) and returns what to
     * poll.
     *
     * @throws RolloutException when the request cannot be sent (bad names, no or duplicate files), before any request
     *     to the server; its message says what to fix
     * @throws BytebaseException when the server refuses a step
     */
    public RolloutHandle start(RolloutRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            RolloutStarter.validate(request);
        } catch (IllegalArgumentException invalid) {
            // One exception type for "this rollout cannot go on", so front ends need a single catch.
            throw new RolloutException(invalid.getMessage());
        }
        long deadline = request.timeout() == null
                ? 0
                : clock.millis() + request.timeout().toMillis();
        return new RolloutStarter(client, listener, snapshots)
                .start(request, deadline, backoff.initial().toMillis());
    }

    /**
     * Reads the rollout once, runs the current stage's NOT_STARTED tasks, and says when to poll next.
     *
     * @throws BytebaseException when the server cannot be read (after the client's retries); polling again later is
     *     safe
     */
    public PollResult poll(RolloutHandle handle) {
        Objects.requireNonNull(handle, "handle");
        Rollout rollout = client.getRollout(handle.plan());
        RolloutSnapshot snapshot = snapshots.snapshot(handle.release(), handle.plan(), rollout);
        if (handle.targetStage() == null || handle.targetStage().isBlank()) {
            emit(
                    RolloutEvent.Type.ROLLOUT_DONE,
                    "Rollout created; no target stage, so nothing was run",
                    snapshot.rolloutUrl());
            return new PollResult(PollResult.State.SUCCEEDED, handle, Duration.ZERO, snapshot, null);
        }
        PollDecision decision =
                PollDecision.decide(snapshot, Fingerprint.parse(handle.fingerprint()), handle.targetStage());
        decision.events().forEach(listener::onEvent);
        RolloutHandle seen = withFingerprint(handle, decision.fingerprint().format(), handle.pollDelayMillis());
        switch (decision.kind()) {
            case SUCCEEDED:
                return new PollResult(PollResult.State.SUCCEEDED, seen, Duration.ZERO, snapshot, null);
            case MISSING_STAGE:
                return fail(seen, snapshot, decision.message(), snapshot.rolloutUrl());
            case FAILED:
                TaskSnapshot task = decision.failedTasks().get(0);
                return fail(
                        seen,
                        snapshot,
                        FailureMessages.failedTask(decision, snapshot, detailOf(handle, task)),
                        task.url());
            default:
                return wait(seen, snapshot, decision);
        }
    }

    private PollResult wait(RolloutHandle seen, RolloutSnapshot snapshot, PollDecision decision) {
        long now = clock.millis();
        long deadline = seen.deadlineEpochMillis();
        StageSnapshot current = decision.current();
        if (deadline > 0 && now >= deadline) {
            return fail(
                    seen,
                    snapshot,
                    FailureMessages.timeout(current, seen.targetStage(), Instant.ofEpochMilli(deadline)),
                    current.url());
        }
        if (decision.kind() == PollDecision.Kind.RUN) {
            client.batchRunTasks(
                    current.name(),
                    decision.toRun().stream().map(TaskSnapshot::name).toList());
            if (decision.firstStart()) {
                emit(
                        RolloutEvent.Type.STAGE_STARTED,
                        "Stage " + current.environment() + ": started "
                                + PollDecision.taskCount(decision.toRun().size()),
                        current.url());
            }
        }
        long delay = backoff.nextMillis(seen.pollDelayMillis(), decision.changed());
        if (deadline > 0) {
            // Wake up at the deadline at the latest, so that a timeout is reported on time.
            delay = Math.max(0, Math.min(delay, deadline - now));
        }
        RolloutHandle next = withFingerprint(seen, seen.fingerprint(), delay);
        return new PollResult(PollResult.State.WAITING, next, Duration.ofMillis(delay), snapshot, null);
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
                byStage.computeIfAbsent(Names.stageOf(run.name()), stage -> new java.util.ArrayList<>())
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

    /** The last run's detail (the server's error), or empty when it cannot be read: it only enriches a message. */
    private String detailOf(RolloutHandle handle, TaskSnapshot task) {
        try {
            return client.listTaskRuns(handle.plan()).stream()
                    .filter(run -> Names.taskOf(run.name()).equals(task.name()))
                    .reduce((first, second) -> second)
                    .map(TaskRun::detail)
                    .orElse("");
        } catch (BytebaseException unreadable) {
            return "";
        }
    }

    private PollResult fail(RolloutHandle handle, RolloutSnapshot snapshot, String message, String url) {
        emit(RolloutEvent.Type.ROLLOUT_FAILED, message, url);
        return new PollResult(PollResult.State.FAILED, handle, Duration.ZERO, snapshot, message);
    }

    private void emit(RolloutEvent.Type type, String message, String url) {
        listener.onEvent(new RolloutEvent(type, message, url == null ? "" : url));
    }

    private static RolloutHandle withFingerprint(RolloutHandle handle, String fingerprint, long delayMillis) {
        return new RolloutHandle(
                handle.project(),
                handle.release(),
                handle.plan(),
                handle.rollout(),
                handle.targetStage(),
                handle.deadlineEpochMillis(),
                delayMillis,
                fingerprint);
    }
}
