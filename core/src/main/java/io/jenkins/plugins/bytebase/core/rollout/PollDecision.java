package io.jenkins.plugins.bytebase.core.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * What one poll decides from the rollout it just read, as pure logic (the engine does the I/O): stages run in order
 * up to the target; the first stage that is not complete is the current one; a failed or canceled task up to the
 * target stops everything; a target stage that is not in the rollout is an error, never a silent success.
 *
 * @param kind what to do
 * @param events what changed since the previous poll, in order (task changes, then stages done, then rollout done)
 * @param current the stage being rolled out (for {@code RUN} and {@code WAIT})
 * @param toRun its tasks that have not started (for {@code RUN})
 * @param firstStart whether the engine has never started {@code current} before
 * @param failedTasks the failed or canceled tasks up to the target stage (for {@code FAILED})
 * @param message why it failed (for {@code FAILED} and {@code MISSING_STAGE})
 * @param fingerprint what to remember for the next poll
 */
record PollDecision(
        Kind kind,
        List<RolloutEvent> events,
        StageSnapshot current,
        List<TaskSnapshot> toRun,
        boolean firstStart,
        List<TaskSnapshot> failedTasks,
        String message,
        Fingerprint fingerprint) {

    enum Kind {
        SUCCEEDED,
        FAILED,
        MISSING_STAGE,
        RUN,
        WAIT
    }

    static PollDecision decide(RolloutSnapshot snapshot, Fingerprint previous, String targetStage) {
        List<RolloutEvent> events = new ArrayList<>();
        taskChanges(snapshot, previous, events);
        List<String> started = new ArrayList<>(previous.startedStages());
        List<String> done = new ArrayList<>(previous.doneStages());
        List<StageSnapshot> stages = snapshot.stages();

        int target = indexOf(stages, targetStage);
        if (target < 0) {
            return new PollDecision(
                    Kind.MISSING_STAGE,
                    events,
                    null,
                    List.of(),
                    false,
                    List.of(),
                    missingStageMessage(snapshot, targetStage),
                    Fingerprint.of(snapshot, started, done));
        }
        List<TaskSnapshot> failed = stages.subList(0, target + 1).stream()
                .flatMap(stage -> stage.tasks().stream())
                .filter(task -> task.state() == TaskState.FAILED || task.state() == TaskState.CANCELED)
                .toList();
        if (!failed.isEmpty()) {
            return new PollDecision(
                    Kind.FAILED, events, null, List.of(), false, failed, "", Fingerprint.of(snapshot, started, done));
        }
        StageSnapshot current = null;
        for (StageSnapshot stage : stages.subList(0, target + 1)) {
            String id = Names.lastSegment(stage.name());
            if (!stage.isComplete()) {
                current = stage;
                break;
            }
            if (!done.contains(id)) {
                done.add(id);
                events.add(new RolloutEvent(
                        RolloutEvent.Type.STAGE_DONE,
                        "Stage " + stage.environment() + ": done ("
                                + taskCount(stage.tasks().size()) + ")",
                        stage.url()));
            }
        }
        if (current == null) {
            events.add(new RolloutEvent(
                    RolloutEvent.Type.ROLLOUT_DONE, "Rollout done up to " + targetStage, snapshot.rolloutUrl()));
            return new PollDecision(
                    Kind.SUCCEEDED,
                    events,
                    null,
                    List.of(),
                    false,
                    List.of(),
                    "",
                    Fingerprint.of(snapshot, started, done));
        }
        List<TaskSnapshot> toRun = current.tasks().stream()
                .filter(task -> task.state() == TaskState.NOT_STARTED)
                .toList();
        if (toRun.isEmpty()) {
            return new PollDecision(
                    Kind.WAIT,
                    events,
                    current,
                    List.of(),
                    false,
                    List.of(),
                    "",
                    Fingerprint.of(snapshot, started, done));
        }
        String id = Names.lastSegment(current.name());
        boolean firstStart = !started.contains(id);
        if (firstStart) {
            started.add(id);
        }
        return new PollDecision(
                Kind.RUN, events, current, toRun, firstStart, List.of(), "", Fingerprint.of(snapshot, started, done));
    }

    /** Adds a TASK_STATUS_CHANGED event per task whose status differs from the previous poll's. */
    private static void taskChanges(RolloutSnapshot snapshot, Fingerprint previous, List<RolloutEvent> events) {
        for (StageSnapshot stage : snapshot.stages()) {
            String stageId = Names.lastSegment(stage.name());
            for (TaskSnapshot task : stage.tasks()) {
                TaskState before = previous.state(stageId, Names.lastSegment(task.name()));
                if (before == task.state()) {
                    continue;
                }
                if (before == null && task.state() == TaskState.NOT_STARTED) {
                    continue;
                }
                String transition = before == null ? task.state().name() : before + " -> " + task.state();
                String detail = task.detail().isEmpty() ? "" : " (" + task.detail() + ")";
                events.add(new RolloutEvent(
                        RolloutEvent.Type.TASK_STATUS_CHANGED,
                        "Stage " + stage.environment() + ", " + task.database() + ": " + transition + detail,
                        task.url()));
            }
        }
    }

    private static int indexOf(List<StageSnapshot> stages, String environment) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).environment().equals(environment)) {
                return i;
            }
        }
        return -1;
    }

    private static String missingStageMessage(RolloutSnapshot snapshot, String targetStage) {
        String exists = snapshot.stages().isEmpty()
                ? "it has no stages (no target database belongs to an environment)"
                : "its stages are "
                        + String.join(
                                ", ",
                                snapshot.stages().stream()
                                        .map(StageSnapshot::environment)
                                        .toList());
        return "Target stage " + targetStage + " is not in rollout " + snapshot.rollout() + " (" + snapshot.rolloutUrl()
                + "): " + exists + ". Choose one of them, or add a target database of that environment to the plan";
    }

    static String taskCount(int count) {
        return count + (count == 1 ? " task" : " tasks");
    }
}
