package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One poll of {@link RolloutEngine#poll}: read, decide, run, and say when to poll next. */
final class Poller {

    private final BytebaseClient client;
    private final RolloutListener listener;
    private final Clock clock;
    private final PollBackoff backoff;
    private final PollBackoff outageBackoff;
    private final SnapshotMapper snapshots;

    Poller(
            BytebaseClient client,
            RolloutListener listener,
            Clock clock,
            PollBackoff backoff,
            PollBackoff outageBackoff,
            SnapshotMapper snapshots) {
        this.client = client;
        this.listener = listener;
        this.clock = clock;
        this.backoff = backoff;
        this.outageBackoff = outageBackoff;
        this.snapshots = snapshots;
    }

    PollResult poll(RolloutHandle handle) {
        Fingerprint previous = Fingerprint.parse(handle.fingerprint());
        Rollout rollout;
        try {
            rollout = client.getRollout(handle.plan());
        } catch (BytebaseException failure) {
            return unanswered(handle, previous, null, failure, "read rollout " + handle.rollout());
        }
        if (previous.outageSinceMillis() > 0) {
            emit(
                    RolloutEvent.Type.OUTAGE_ENDED,
                    Outages.ended(previous.outageSinceMillis(), clock.millis()),
                    client.webUrl(handle.rollout()));
        }
        RolloutSnapshot snapshot = snapshots.snapshot(handle.release(), handle.plan(), rollout);
        if (handle.targetStage() == null || handle.targetStage().isBlank()) {
            emit(
                    RolloutEvent.Type.ROLLOUT_DONE,
                    "Rollout created; no target stage, so nothing was run",
                    snapshot.rolloutUrl());
            return new PollResult(PollResult.State.SUCCEEDED, handle, Duration.ZERO, snapshot, null);
        }
        PollDecision decision = PollDecision.decide(snapshot, previous, handle.targetStage());
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
            PollResult stopped = run(seen, snapshot, decision);
            if (stopped != null) {
                return stopped;
            }
        }
        long delay = backoff.nextMillis(seen.pollDelayMillis(), decision.firstStart());
        if (deadline > 0) {
            // Wake up at the deadline at the latest, so that a timeout is reported on time.
            delay = Math.max(0, Math.min(delay, deadline - now));
        }
        RolloutHandle next = withFingerprint(seen, seen.fingerprint(), delay);
        return new PollResult(PollResult.State.WAITING, next, Duration.ofMillis(delay), snapshot, null);
    }

    /**
     * Runs the current stage's tasks that have not started.
     *
     * @return {@code null} when the poll goes on, or its result when Bytebase refused or could not be reached
     */
    private PollResult run(RolloutHandle seen, RolloutSnapshot snapshot, PollDecision decision) {
        StageSnapshot stage = decision.current();
        List<TaskSnapshot> toRun = decision.toRun();
        if (!decision.firstStart()) {
            // Sent to run before, maybe without an answer: a task that has a run is never run again.
            try {
                toRun = withoutRuns(seen.plan(), toRun);
            } catch (BytebaseException failure) {
                return unanswered(
                        seen, decision.fingerprint(), snapshot, failure, "list the task runs of " + seen.rollout());
            }
            if (toRun.isEmpty()) {
                return null;
            }
        }
        try {
            client.batchRunTasks(
                    stage.name(), toRun.stream().map(TaskSnapshot::name).toList());
        } catch (BytebaseException failure) {
            if (Outages.mayHaveBeenCarriedOut(failure)) {
                emit(
                        RolloutEvent.Type.OUTCOME_UNKNOWN,
                        "Stage " + stage.environment() + ": no answer to running "
                                + PollDecision.taskCount(toRun.size()) + " (" + Outages.reason(failure)
                                + "); their task runs are read back before any of them is run again",
                        stage.url());
                return null;
            }
            return unanswered(
                    seen, decision.fingerprint(), snapshot, failure, "run the tasks of stage " + stage.environment());
        }
        emit(
                RolloutEvent.Type.STAGE_STARTED,
                "Stage " + stage.environment() + ": started " + PollDecision.taskCount(toRun.size())
                        + (decision.firstStart() ? "" : " that had not run yet"),
                stage.url());
        return null;
    }

    private List<TaskSnapshot> withoutRuns(String plan, List<TaskSnapshot> tasks) {
        Set<String> haveRuns = client.listTaskRuns(plan).stream()
                .map(run -> Names.taskOf(run.name()))
                .collect(Collectors.toSet());
        return tasks.stream().filter(task -> !haveRuns.contains(task.name())).toList();
    }

    /**
     * A call of this poll failed. An outage keeps the rollout waiting (reported once, when it starts); anything else
     * ends it.
     *
     * @param seen the fingerprint to keep: what this poll saw, or the previous one when it saw nothing
     * @param what what failed, e.g. {@code read rollout projects/p/plans/1/rollout}
     */
    private PollResult unanswered(
            RolloutHandle handle, Fingerprint seen, RolloutSnapshot snapshot, BytebaseException failure, String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw failure; // no answer of the server: the caller is stopping (Jenkins shutting down, a CLI signal)
        }
        String url = client.webUrl(handle.rollout());
        if (!Outages.isOutage(failure)) {
            return fail(handle, snapshot, "Could not " + what + ": " + failure.getMessage(), url);
        }
        long now = clock.millis();
        String reason = Outages.reason(failure);
        long since = seen.outageSinceMillis();
        long delay;
        if (since == 0) {
            since = now;
            delay = outageBackoff.initial().toMillis();
            emit(
                    RolloutEvent.Type.OUTAGE_STARTED,
                    Outages.started(reason, "rollout " + handle.rollout(), handle.deadlineEpochMillis(), outageBackoff),
                    url);
        } else {
            delay = outageBackoff.nextMillis(handle.pollDelayMillis(), false);
        }
        long deadline = handle.deadlineEpochMillis();
        if (deadline > 0 && now >= deadline) {
            return fail(
                    withFingerprint(handle, seen.withOutageSince(since).format(), 0),
                    snapshot,
                    Outages.timedOut("stage " + handle.targetStage(), deadline, since, reason),
                    url);
        }
        if (deadline > 0) {
            delay = Math.min(delay, deadline - now);
        }
        RolloutHandle next = withFingerprint(handle, seen.withOutageSince(since).format(), delay);
        return new PollResult(PollResult.State.WAITING, next, Duration.ofMillis(delay), snapshot, null, reason);
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
