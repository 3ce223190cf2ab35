package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.FAST;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.request;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.twoFiles;
import static io.jenkins.plugins.bytebase.core.testing.Fixtures.requests;
import static io.jenkins.plugins.bytebase.core.testing.Fixtures.versioned;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.FAIL_MARKER;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_ENVIRONMENT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.migration.MigrationException;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rollouts that cannot finish, and input refused before any request. */
class RolloutFailureITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void shouldNameTheFailedTaskItsDatabaseAndItsLink(BytebaseSandbox sandbox) {
        MigrationSet files = versioned(
                "1.0.0_ok.sql",
                "CREATE TABLE t1 (id INT PRIMARY KEY);",
                "1.1.0_boom.sql",
                FAIL_MARKER + "\nCREATE TABLE t2 (id INT PRIMARY KEY);");

        RolloutException failure =
                catchRolloutException(() -> engine(sandbox).runToCompletion(request(files, null, PROD_ENVIRONMENT)));

        String stageUrl = sandbox.url() + "/" + failure.handle().rollout() + "/stages/test/tasks/";
        assertThat(failure.getMessage())
                .contains("on database " + TEST_DATABASE)
                .contains("in stage environments/test failed")
                .contains(failure.handle().rollout() + "/stages/test/tasks/")
                .contains("See " + stageUrl);
        assertThat(sandbox.appliedVersions(PROD_DATABASE))
                .as("prod never starts")
                .isEmpty();
        assertThat(requests(sandbox, ":batchRun")).hasSize(1);
        assertThat(events).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(RolloutEvent.Type.ROLLOUT_FAILED);
            assertThat(event.url()).startsWith(stageUrl);
        });
    }

    @Test
    void shouldListTheStagesThatExistWhenTheTargetStageIsMissing(BytebaseSandbox sandbox) {
        RolloutException failure = catchRolloutException(
                () -> engine(sandbox).runToCompletion(request(twoFiles(), null, "environments/staging")));

        assertThat(failure.getMessage())
                .contains("Target stage environments/staging is not in rollout")
                .contains("environments/test, environments/prod");
        assertThat(failure.snapshot().stages()).hasSize(2);
        assertThat(requests(sandbox, ":batchRun")).isEmpty();
    }

    @Test
    void shouldRefuseDuplicateVersionsBeforeAnyRequest(BytebaseSandbox sandbox) {
        byte[] sql = "SELECT 1;".getBytes(StandardCharsets.UTF_8);
        MigrationSet handMade = new MigrationSet(
                List.of(
                        new MigrationFile("m/1.0.0_a.sql", "1.0.0", ChangeType.DDL, sql),
                        new MigrationFile("m/1.0.0_b.sql", "1.0.0", ChangeType.DDL, sql)),
                List.of(),
                false,
                "m/*.sql");

        assertThatThrownBy(() -> versioned("1.0.0_a.sql", "SELECT 1;", "v1.0.0_b.sql", "SELECT 2;"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("1.0.0_a.sql")
                .hasMessageContaining("v1.0.0_b.sql");
        assertThatThrownBy(() -> engine(sandbox).start(request(handMade, null, PROD_ENVIRONMENT)))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("m/1.0.0_a.sql and m/1.0.0_b.sql have the same version 1.0.0");
        MigrationSet numericallyEqual = new MigrationSet(
                List.of(
                        new MigrationFile("m/1.0_a.sql", "1.0", ChangeType.DDL, sql),
                        new MigrationFile("m/1.0.0_b.sql", "1.0.0", ChangeType.DDL, sql)),
                List.of(),
                false,
                "m/*.sql");
        assertThatThrownBy(() -> engine(sandbox).start(request(numericallyEqual, null, PROD_ENVIRONMENT)))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("m/1.0_a.sql and m/1.0.0_b.sql have the same version");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void shouldRefuseBadInputBeforeAnyRequest(BytebaseSandbox sandbox) {
        RolloutEngine engine = engine(sandbox);

        assertThatThrownBy(() -> engine.start(request(twoFiles(), null, "prod")))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("environments/{id}");
        assertThatThrownBy(() -> engine.start(
                        new RolloutRequest(PROJECT, List.of(), twoFiles(), null, PROD_ENVIRONMENT, null, null, null)))
                .hasMessageContaining("No targets");
        assertThatThrownBy(() -> engine.start(request(null, "projects/other/plans/1", PROD_ENVIRONMENT)))
                .hasMessageContaining("belongs to projects/other");
        assertThatThrownBy(() -> engine.start(new RolloutRequest(
                        PROJECT,
                        List.of(TEST_DATABASE),
                        twoFiles(),
                        null,
                        PROD_ENVIRONMENT,
                        null,
                        null,
                        Duration.ZERO)))
                .hasMessageContaining("timeout must be positive");
        assertThat(sandbox.requests()).isEmpty();
    }

    private RolloutEngine engine(BytebaseSandbox sandbox) {
        return new RolloutEngine(Fixtures.client(sandbox), events::add, Clock.systemUTC()).withPollBackoff(FAST);
    }

    private static RolloutException catchRolloutException(Run run) {
        try {
            run.run();
        } catch (RolloutException expected) {
            return expected;
        } catch (InterruptedException unexpected) {
            Thread.currentThread().interrupt();
            throw new AssertionError(unexpected);
        }
        throw new AssertionError("the rollout did not fail");
    }

    @FunctionalInterface
    interface Run {
        void run() throws InterruptedException;
    }
}
