package io.jenkins.plugins.bytebase.core.rollout;

import java.time.Instant;
import java.util.stream.Collectors;

/** The sentences of a failed rollout: each names what failed, where, and the page to open. */
final class FailureMessages {

    private FailureMessages() {}

    static String failedTask(PollDecision decision, RolloutSnapshot snapshot, String runDetail) {
        TaskSnapshot task = decision.failedTasks().get(0);
        String environment = snapshot.stages().stream()
                .filter(stage -> stage.tasks().contains(task))
                .map(StageSnapshot::environment)
                .findFirst()
                .orElse("?");
        String detail = !runDetail.isBlank() ? runDetail : task.detail();
        StringBuilder message = new StringBuilder("Task ")
                .append(task.name())
                .append(" on database ")
                .append(task.database())
                .append(" in stage ")
                .append(environment)
                .append(task.state() == TaskState.CANCELED ? " was canceled" : " failed");
        if (!detail.isBlank()) {
            message.append(": ").append(detail);
        }
        message.append(". See ").append(task.url());
        int others = decision.failedTasks().size() - 1;
        if (others > 0) {
            message.append(" (and ")
                    .append(others)
                    .append(" more failed or canceled ")
                    .append(others == 1 ? "task" : "tasks")
                    .append(")");
        }
        return message.toString();
    }

    static String timeout(StageSnapshot current, String targetStage, Instant deadline) {
        String waiting = current.tasks().stream()
                .filter(task -> task.state() != TaskState.DONE && task.state() != TaskState.SKIPPED)
                .map(task -> task.database() + " " + task.state())
                .collect(Collectors.joining(", "));
        return "Timed out at " + deadline + " before stage " + targetStage + " was done: stage "
                + current.environment() + " still has " + waiting + " (" + current.url()
                + "). Tasks already started keep running in Bytebase; wait there or run again with a longer timeout";
    }
}
