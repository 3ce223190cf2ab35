package io.jenkins.plugins.bytebase.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the sandbox creates, in memory. Callers hold the monitor of this object while they read or change it,
 * and call {@link #advance()} first so that task runs whose time has come are settled.
 */
final class SandboxState {

    static final String CREATOR = "users/" + BytebaseSandbox.SERVICE_ACCOUNT;

    final Clock clock;
    final Duration taskStepDelay;
    final Map<String, byte[]> sheetsBySha256 = new HashMap<>();
    final Map<String, ReleaseRecord> releases = new LinkedHashMap<>();
    final Map<String, Integer> nextIterationByPrefix = new HashMap<>();
    final Map<String, PlanRecord> plans = new LinkedHashMap<>();
    final Map<String, Map<String, AppliedVersion>> appliedByDatabase = new HashMap<>();
    private long nextPlanId;
    private long nextTaskId;
    private long nextTaskRunId;

    SandboxState(Clock clock, Duration taskStepDelay) {
        this.clock = clock;
        this.taskStepDelay = taskStepDelay;
        reset();
    }

    synchronized void reset() {
        sheetsBySha256.clear();
        releases.clear();
        nextIterationByPrefix.clear();
        plans.clear();
        appliedByDatabase.clear();
        nextPlanId = 101;
        nextTaskId = 1001;
        nextTaskRunId = 5001;
    }

    Instant now() {
        return clock.instant();
    }

    long newPlanId() {
        return nextPlanId++;
    }

    long newTaskId() {
        return nextTaskId++;
    }

    long newTaskRunId() {
        return nextTaskRunId++;
    }

    Map<String, AppliedVersion> applied(String database) {
        return appliedByDatabase.computeIfAbsent(database, d -> new LinkedHashMap<>());
    }

    Optional<PlanRecord> plan(String name) {
        return Optional.ofNullable(plans.get(name));
    }

    /** Settles every run whose running time is over, in the order they finished. */
    synchronized void advance() {
        Instant now = now();
        List<TaskRunRecord> due = plans.values().stream()
                .filter(plan -> plan.rollout != null)
                .flatMap(plan -> plan.rollout.tasks().stream())
                .flatMap(task -> task.runs.stream())
                .filter(run -> run.isDue(now))
                .sorted(Comparator.comparing((TaskRunRecord run) -> run.endTime).thenComparing(run -> run.name))
                .toList();
        due.forEach(this::settle);
    }

    /**
     * Applies the release's versions that the database does not have yet, in version order. A statement holding the
     * fail marker fails the run there; versions before it stay applied, as with the real server's revisions.
     */
    private void settle(TaskRunRecord run) {
        TaskRecord task = run.task;
        ReleaseRecord release = releases.get(task.release);
        Map<String, AppliedVersion> applied = applied(task.database);
        StringBuilder appliedNow = new StringBuilder();
        for (ReleaseFile file : release.files()) {
            if (applied.containsKey(file.version())) {
                continue;
            }
            if (file.sql().contains(BytebaseSandbox.FAIL_MARKER)) {
                run.outcome = "FAILED";
                run.detail = "failed to execute release file \"" + file.path() + "\" (version " + file.version()
                        + ") on " + task.database + ": the statement contains the sandbox fail marker "
                        + BytebaseSandbox.FAIL_MARKER;
                return;
            }
            applied.put(
                    file.version(),
                    new AppliedVersion(file.version(), file.sha256(), file.path(), release.name(), run.endTime));
            appliedNow.append(appliedNow.length() == 0 ? "" : ", ").append(file.version());
        }
        run.outcome = "DONE";
        run.detail = appliedNow.length() == 0
                ? "no release file to apply: every version is already applied to " + task.database
                : "applied version(s) " + appliedNow + " to " + task.database;
    }
}
