package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskRunRecordTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldMoveFromPendingToRunningByTheClock() {
        TaskRecord task = new TaskRecord("t", "spec", BytebaseSandbox.TEST_DATABASE, "r", CREATED);
        assertThat(task.status(CREATED)).isEqualTo("NOT_STARTED");
        TaskRunRecord run = new TaskRunRecord("run", task, CREATED, CREATED.plusMillis(100), CREATED.plusMillis(200));
        task.runs.add(run);

        assertThat(task.status(CREATED.plusMillis(99))).isEqualTo("PENDING");
        assertThat(task.status(CREATED.plusMillis(100))).isEqualTo("RUNNING");
        assertThat(run.isDue(CREATED.plusMillis(199))).isFalse();
        assertThat(run.isDue(CREATED.plusMillis(200))).isTrue();
        run.canceledAt = CREATED.plusMillis(150);
        assertThat(task.status(CREATED.plusMillis(300))).isEqualTo("CANCELED");
        assertThat(run.isDue(CREATED.plusMillis(300))).isFalse();
    }
}
