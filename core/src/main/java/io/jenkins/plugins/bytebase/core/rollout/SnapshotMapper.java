package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.Stage;
import io.jenkins.plugins.bytebase.core.client.dto.Task;
import io.jenkins.plugins.bytebase.core.client.dto.TaskStatus;
import java.util.function.UnaryOperator;

/** Turns the wire rollout into our own snapshot, with a Bytebase link on every resource. */
final class SnapshotMapper {

    private final UnaryOperator<String> webUrl;

    /** @param webUrl the page of a resource name, e.g. the client's {@code webUrl} */
    SnapshotMapper(UnaryOperator<String> webUrl) {
        this.webUrl = webUrl;
    }

    RolloutSnapshot snapshot(String release, String plan, Rollout rollout) {
        String rolloutName = rollout.name() == null || rollout.name().isEmpty() ? plan + "/rollout" : rollout.name();
        return new RolloutSnapshot(
                release,
                url(release),
                plan,
                url(plan),
                rolloutName,
                url(rolloutName),
                rollout.stages().stream().map(this::stage).toList());
    }

    private StageSnapshot stage(Stage stage) {
        String environment = stage.environment().isEmpty()
                ? "environments/" + (stage.id() == null ? Names.lastSegment(stage.name()) : stage.id())
                : stage.environment();
        return new StageSnapshot(
                stage.name(),
                environment,
                stage.tasks().stream().map(this::task).toList(),
                url(stage.name()));
    }

    private TaskSnapshot task(Task task) {
        return new TaskSnapshot(
                task.name(), task.target(), state(task.status()), task.skippedReason(), url(task.name()));
    }

    static TaskState state(TaskStatus status) {
        return switch (status) {
            case NOT_STARTED -> TaskState.NOT_STARTED;
            case PENDING -> TaskState.PENDING;
            case RUNNING -> TaskState.RUNNING;
            case DONE -> TaskState.DONE;
            case FAILED -> TaskState.FAILED;
            case CANCELED -> TaskState.CANCELED;
            case SKIPPED -> TaskState.SKIPPED;
            default -> TaskState.UNKNOWN;
        };
    }

    private String url(String name) {
        return name == null || name.isEmpty() ? "" : webUrl.apply(name);
    }
}
