package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.Snapshots.rollout;
import static io.jenkins.plugins.bytebase.core.rollout.Snapshots.stage;
import static io.jenkins.plugins.bytebase.core.rollout.Snapshots.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void shouldWriteStagesMarksAndTaskLetters() {
        RolloutSnapshot snapshot = rollout(
                stage("test", task(456, TaskState.DONE), task(457, TaskState.SKIPPED)),
                stage("prod", task(458, TaskState.NOT_STARTED)),
                stage("empty"));

        String text = Fingerprint.of(snapshot, List.of("test"), List.of("test")).format();

        assertThat(text).isEqualTo("test+started+done:456=D,457=S;prod:458=N;empty:");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        RolloutSnapshot snapshot = rollout(
                stage("test", task(1, TaskState.RUNNING), task(2, TaskState.FAILED)),
                stage("prod", task(3, TaskState.PENDING), task(4, TaskState.CANCELED), task(5, TaskState.UNKNOWN)));
        Fingerprint parsed = Fingerprint.parse(
                Fingerprint.of(snapshot, List.of("test"), List.of()).format());

        assertThat(parsed.state("test", "1")).isEqualTo(TaskState.RUNNING);
        assertThat(parsed.state("test", "2")).isEqualTo(TaskState.FAILED);
        assertThat(parsed.state("prod", "3")).isEqualTo(TaskState.PENDING);
        assertThat(parsed.state("prod", "4")).isEqualTo(TaskState.CANCELED);
        assertThat(parsed.state("prod", "5")).isEqualTo(TaskState.UNKNOWN);
        assertThat(parsed.state("prod", "9")).isNull();
        assertThat(parsed.started("test")).isTrue();
        assertThat(parsed.started("prod")).isFalse();
        assertThat(parsed.doneReported("test")).isFalse();
    }

    @Test
    void shouldKeepWhenBytebaseStoppedAnsweringAlongWithTheStages() {
        RolloutSnapshot snapshot = rollout(stage("test", task(1, TaskState.RUNNING)));
        Fingerprint seen = Fingerprint.of(snapshot, List.of("test"), List.of());

        String text = seen.withOutageSince(1_767_225_600_000L).format();
        Fingerprint parsed = Fingerprint.parse(text);

        assertThat(text).isEqualTo("~1767225600000;test+started:1=R");
        assertThat(parsed.outageSinceMillis()).isEqualTo(1_767_225_600_000L);
        assertThat(parsed.state("test", "1")).isEqualTo(TaskState.RUNNING);
        assertThat(parsed.started("test")).isTrue();
        assertThat(parsed.withOutageSince(0).format()).isEqualTo("test+started:1=R");
        assertThat(Fingerprint.EMPTY.withOutageSince(5).format()).isEqualTo("~5");
        assertThat(Fingerprint.parse("~5").outageSinceMillis()).isEqualTo(5);
        assertThat(seen.outageSinceMillis()).isZero();
    }

    @Test
    void shouldTreatUnreadableTextAsNothingSeen() {
        for (String text : List.of("garbage", "test:1=", "test:1=DONE", "", ";;", "~soon;test:1=R")) {
            Fingerprint parsed = Fingerprint.parse(text);
            assertThat(parsed.state("test", "1")).as(text).isNull();
            assertThat(parsed.started("test")).as(text).isFalse();
        }
    }
}
