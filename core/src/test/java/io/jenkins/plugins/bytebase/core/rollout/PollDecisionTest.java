package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.Snapshots.rollout;
import static io.jenkins.plugins.bytebase.core.rollout.Snapshots.stage;
import static io.jenkins.plugins.bytebase.core.rollout.Snapshots.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PollDecisionTest {

    private static final String PROD = "environments/prod";
    private static final String TEST = "environments/test";

    @Test
    void shouldRunTheEarlierStageFirst() {
        RolloutSnapshot snapshot =
                rollout(stage("test", task(1, TaskState.NOT_STARTED)), stage("prod", task(2, TaskState.NOT_STARTED)));

        PollDecision decision = PollDecision.decide(snapshot, seen(snapshot), PROD);

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.RUN);
        assertThat(decision.current().environment()).isEqualTo(TEST);
        assertThat(decision.toRun()).extracting(TaskSnapshot::name).containsExactly(PLAN_STAGES + "test/tasks/1");
        assertThat(decision.firstStart()).isTrue();
    }

    @Test
    void shouldStartAStageOnlyOnce() {
        RolloutSnapshot snapshot =
                rollout(stage("test", task(1, TaskState.NOT_STARTED), task(2, TaskState.NOT_STARTED)));
        PollDecision first = PollDecision.decide(snapshot, seen(snapshot), TEST);

        RolloutSnapshot later = rollout(stage("test", task(1, TaskState.RUNNING), task(2, TaskState.NOT_STARTED)));
        PollDecision second = PollDecision.decide(later, first.fingerprint(), TEST);

        assertThat(second.kind()).isEqualTo(PollDecision.Kind.RUN);
        assertThat(second.firstStart()).isFalse();
    }

    @Test
    void shouldWaitWithoutChangeWhileTasksRun() {
        RolloutSnapshot snapshot = rollout(stage("test", task(1, TaskState.RUNNING)));

        PollDecision decision = PollDecision.decide(snapshot, seen(snapshot), TEST);

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.WAIT);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void shouldReportEachTaskChangeAndEachStageDoneOnce() {
        RolloutSnapshot before =
                rollout(stage("test", task(1, TaskState.RUNNING)), stage("prod", task(2, TaskState.NOT_STARTED)));
        RolloutSnapshot after =
                rollout(stage("test", task(1, TaskState.DONE)), stage("prod", task(2, TaskState.NOT_STARTED)));

        PollDecision decision = PollDecision.decide(after, seen(before), PROD);
        PollDecision again = PollDecision.decide(after, decision.fingerprint(), PROD);

        assertThat(decision.events())
                .extracting(RolloutEvent::type, RolloutEvent::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                RolloutEvent.Type.TASK_STATUS_CHANGED,
                                "Stage environments/test, instances/test/databases/hr_test: RUNNING -> DONE"),
                        org.assertj.core.groups.Tuple.tuple(
                                RolloutEvent.Type.STAGE_DONE, "Stage environments/test: done (1 task)"));
        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.RUN);
        assertThat(decision.current().environment()).isEqualTo(PROD);
        assertThat(again.events()).isEmpty();
    }

    @Test
    void shouldSucceedWhenEveryStageUpToTheTargetIsDone() {
        RolloutSnapshot snapshot = rollout(
                stage("test", task(1, TaskState.DONE)),
                stage("prod", task(2, TaskState.SKIPPED)),
                stage("later", task(3, TaskState.NOT_STARTED)));

        PollDecision decision = PollDecision.decide(snapshot, seen(snapshot), PROD);

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.SUCCEEDED);
        assertThat(decision.events())
                .extracting(RolloutEvent::type)
                .containsExactly(
                        RolloutEvent.Type.STAGE_DONE, RolloutEvent.Type.STAGE_DONE, RolloutEvent.Type.ROLLOUT_DONE);
    }

    @Test
    void shouldStopTheTestStageOnceItIsTheTarget() {
        RolloutSnapshot snapshot =
                rollout(stage("test", task(1, TaskState.DONE)), stage("prod", task(2, TaskState.NOT_STARTED)));

        assertThat(PollDecision.decide(snapshot, seen(snapshot), TEST).kind()).isEqualTo(PollDecision.Kind.SUCCEEDED);
    }

    @Test
    void shouldCountAStageWithoutTasksAsComplete() {
        RolloutSnapshot snapshot = rollout(stage("test"), stage("prod", task(2, TaskState.NOT_STARTED)));

        PollDecision decision = PollDecision.decide(snapshot, seen(snapshot), PROD);

        assertThat(decision.current().environment()).isEqualTo(PROD);
    }

    @Test
    void shouldFailOnAFailedOrCanceledTaskUpToTheTarget() {
        RolloutSnapshot snapshot = rollout(
                stage("test", task(1, TaskState.DONE), task(2, TaskState.CANCELED)),
                stage("prod", task(3, TaskState.NOT_STARTED)));

        PollDecision decision = PollDecision.decide(snapshot, seen(snapshot), PROD);

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.FAILED);
        assertThat(decision.failedTasks()).extracting(TaskSnapshot::name).containsExactly(PLAN_STAGES + "test/tasks/2");
    }

    @Test
    void shouldIgnoreFailuresBeyondTheTarget() {
        RolloutSnapshot snapshot =
                rollout(stage("test", task(1, TaskState.DONE)), stage("prod", task(2, TaskState.FAILED)));

        assertThat(PollDecision.decide(snapshot, seen(snapshot), TEST).kind()).isEqualTo(PollDecision.Kind.SUCCEEDED);
    }

    @Test
    void shouldListTheStagesWhenTheTargetIsMissing() {
        RolloutSnapshot snapshot =
                rollout(stage("test", task(1, TaskState.DONE)), stage("prod", task(2, TaskState.DONE)));

        PollDecision decision = PollDecision.decide(snapshot, seen(snapshot), "environments/staging");

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.MISSING_STAGE);
        assertThat(decision.message())
                .contains("Target stage environments/staging is not in rollout projects/p/plans/1/rollout")
                .contains("its stages are environments/test, environments/prod");
    }

    @Test
    void shouldSaySoWhenTheRolloutHasNoStages() {
        PollDecision decision = PollDecision.decide(rollout(), Fingerprint.EMPTY, PROD);

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.MISSING_STAGE);
        assertThat(decision.message()).contains("it has no stages");
    }

    @Test
    void shouldKeepWorkingFromAnUnreadableFingerprint() {
        RolloutSnapshot snapshot = rollout(stage("test", task(1, TaskState.DONE)));

        PollDecision decision = PollDecision.decide(snapshot, Fingerprint.parse("not a fingerprint"), TEST);

        assertThat(decision.kind()).isEqualTo(PollDecision.Kind.SUCCEEDED);
    }

    private static final String PLAN_STAGES = Snapshots.PLAN + "/rollout/stages/";

    private static Fingerprint seen(RolloutSnapshot snapshot) {
        return Fingerprint.of(snapshot, List.of(), List.of());
    }
}
