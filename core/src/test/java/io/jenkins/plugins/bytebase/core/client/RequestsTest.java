package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestsTest {

    private static final String STAGE = "projects/hr/plans/7/rollout/stages/test";

    @ParameterizedTest
    @ValueSource(strings = {"hr", "project/hr", "projects/", "projects/hr/plans/1", "projects/h r", "/projects/hr"})
    void shouldRefuseAProjectNameOfTheWrongShape(String project) {
        assertThatThrownBy(() -> Requests.getPlan(project + "/plans/1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected projects/{project-id}/plans/{plan-id}");
        assertThatThrownBy(() -> Requests.createPlan(project, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid project name '" + project + "'")
                .hasMessageContaining("expected projects/{project-id}");
    }

    @Test
    void shouldRefuseAMissingProject() {
        assertThatThrownBy(() -> Requests.createRelease(null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The project name is missing: expected projects/{project-id}, e.g. projects/hr");
    }

    @Test
    void shouldRefuseARolloutTargetThatIsNotAnEnvironment() {
        assertThatThrownBy(() -> Requests.createRollout("projects/hr/plans/7", "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid target environment name 'test'")
                .hasMessageContaining("environments/{environment-id}");
    }

    @Test
    void shouldRefuseTasksOfAnotherStageOrNone() {
        assertThatThrownBy(
                        () -> Requests.batchRunTasks(STAGE, List.of("projects/hr/plans/7/rollout/stages/prod/tasks/1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to stage " + STAGE);
        assertThatThrownBy(() -> Requests.batchRunTasks(STAGE, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No task names given");
        assertThatThrownBy(() -> Requests.batchCancelTaskRuns(STAGE, List.of(STAGE + "/tasks/1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid task run name");
    }

    @Test
    void shouldRefuseACheckWithoutTargets() {
        CheckReleaseRequest request =
                new CheckReleaseRequest(release(ReleaseType.VERSIONED, null), List.of(), null, null);

        assertThatThrownBy(() -> Requests.checkRelease("projects/hr", request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No targets");
    }

    @Test
    void shouldRefuseEnumValuesTheServerDoesNotKnow() {
        assertThatThrownBy(() -> Requests.createRelease("projects/hr", release(ReleaseType.UNKNOWN, null), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNKNOWN cannot be sent");
        Release unknownVcs = release(ReleaseType.VERSIONED, new VcsSource(VcsType.UNKNOWN, "https://x"));
        assertThatThrownBy(() -> Requests.createRelease("projects/hr", unknownVcs, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave out the VCS source");
    }

    @Test
    void shouldBuildTheDocumentedPaths() {
        assertThat(Requests.getRollout("projects/hr/plans/7").path()).isEqualTo("/v1/projects/hr/plans/7/rollout");
        assertThat(Requests.listTaskRuns("projects/hr/plans/7").path())
                .isEqualTo("/v1/projects/hr/plans/7/rollout/stages/-/tasks/-/taskRuns");
        assertThat(Requests.batchRunTasks(STAGE, List.of(STAGE + "/tasks/1")).path())
                .isEqualTo("/v1/" + STAGE + "/tasks:batchRun");
        assertThat(Requests.batchCancelTaskRuns(STAGE, List.of(STAGE + "/tasks/1/taskRuns/2"))
                        .path())
                .isEqualTo("/v1/" + STAGE + "/tasks/-/taskRuns:batchCancel");
        assertThat(Requests.getPlan("projects/hr/plans/7").idempotent()).isTrue();
        assertThat(Requests.createRollout("projects/hr/plans/7", null).idempotent())
                .isFalse();
    }

    private static Release release(ReleaseType type, VcsSource source) {
        return Release.draft(type, List.of(ReleaseFile.of("1_a.sql", "1", new byte[] {'x'})), source);
    }
}
