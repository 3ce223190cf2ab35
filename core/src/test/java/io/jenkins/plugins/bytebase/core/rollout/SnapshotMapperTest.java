package io.jenkins.plugins.bytebase.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.Stage;
import io.jenkins.plugins.bytebase.core.client.dto.Task;
import io.jenkins.plugins.bytebase.core.client.dto.TaskStatus;
import io.jenkins.plugins.bytebase.core.client.dto.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotMapperTest {

    private final SnapshotMapper mapper = new SnapshotMapper(name -> "http://bb/" + name);

    @Test
    void shouldLinkEveryResourceAndMapStatuses() {
        String stageName = "projects/p/plans/1/rollout/stages/test";
        Rollout rollout = new Rollout(
                "projects/p/plans/1/rollout",
                "",
                List.of(new Stage(
                        stageName,
                        "test",
                        "environments/test",
                        List.of(
                                task(stageName + "/tasks/1", TaskStatus.SKIPPED, "already applied"),
                                task(stageName + "/tasks/2", TaskStatus.UNKNOWN, null)))),
                null,
                null);

        RolloutSnapshot snapshot = mapper.snapshot("projects/p/releases/r1", "projects/p/plans/1", rollout);

        assertThat(snapshot.releaseUrl()).isEqualTo("http://bb/projects/p/releases/r1");
        assertThat(snapshot.planUrl()).isEqualTo("http://bb/projects/p/plans/1");
        assertThat(snapshot.rolloutUrl()).isEqualTo("http://bb/projects/p/plans/1/rollout");
        StageSnapshot stage = snapshot.stages().get(0);
        assertThat(stage.url()).isEqualTo("http://bb/" + stageName);
        assertThat(stage.tasks()).extracting(TaskSnapshot::state).containsExactly(TaskState.SKIPPED, TaskState.UNKNOWN);
        assertThat(stage.tasks().get(0).detail()).isEqualTo("already applied");
        assertThat(stage.tasks().get(0).database()).isEqualTo("instances/i/databases/d");
        assertThat(stage.tasks().get(1).url()).isEqualTo("http://bb/" + stageName + "/tasks/2");
    }

    @Test
    void shouldLeaveAMissingReleaseUnlinkedAndNameStagesWithoutEnvironment() {
        Rollout rollout = new Rollout(
                null,
                null,
                List.of(new Stage("projects/p/plans/1/rollout/stages/-", "-", null, List.of())),
                null,
                null);

        RolloutSnapshot snapshot = mapper.snapshot("", "projects/p/plans/1", rollout);

        assertThat(snapshot.releaseUrl()).isEmpty();
        assertThat(snapshot.rollout()).isEqualTo("projects/p/plans/1/rollout");
        assertThat(snapshot.stages().get(0).environment()).isEqualTo("environments/-");
    }

    private static Task task(String name, TaskStatus status, String skippedReason) {
        return new Task(
                name,
                "spec",
                status,
                skippedReason,
                TaskType.DATABASE_MIGRATE,
                "instances/i/databases/d",
                null,
                null,
                null);
    }
}
