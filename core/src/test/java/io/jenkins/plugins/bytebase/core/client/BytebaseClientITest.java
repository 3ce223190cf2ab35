package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.dto.AdviceLevel;
import io.jenkins.plugins.bytebase.core.client.dto.ChangeDatabaseConfig;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.PlanSpec;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.Stage;
import io.jenkins.plugins.bytebase.core.client.dto.Task;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRunStatus;
import io.jenkins.plugins.bytebase.core.client.dto.TaskStatus;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation of the client over real HTTP against the sandbox. */
class BytebaseClientITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(150)));

    @Test
    void shouldReportASupportedServer(BytebaseSandbox sandbox) {
        ServerInfo info = SandboxClients.client(sandbox).serverInfo();

        assertThat(info.version()).isEqualTo("3.21.1");
        assertThat(info.compatibility()).isEqualTo(ServerInfo.Compatibility.SUPPORTED);
    }

    @Test
    void shouldReviewTheTutorialTableWithOneWarning(BytebaseSandbox sandbox) {
        CheckReleaseResponse response = SandboxClients.client(sandbox)
                .checkRelease(
                        PROJECT,
                        new CheckReleaseRequest(
                                SandboxClients.release("1.0.0", SandboxClients.TUTORIAL_SQL),
                                List.of(TEST_DATABASE),
                                null,
                                null));

        assertThat(response.results()).singleElement().satisfies(result -> {
            assertThat(result.target()).isEqualTo(TEST_DATABASE);
            assertThat(result.advices()).singleElement().satisfies(advice -> {
                assertThat(advice.status()).isEqualTo(AdviceLevel.WARNING);
                assertThat(advice.code()).isEqualTo(402);
                assertThat(advice.startPosition().line()).isEqualTo(3);
            });
        });
    }

    @Test
    void shouldRollOutAReleaseThroughBothStages(BytebaseSandbox sandbox) throws InterruptedException {
        BytebaseClient client = SandboxClients.client(sandbox);
        Release release =
                client.createRelease(PROJECT, SandboxClients.release("1.0.0", "CREATE TABLE t1 (id INT);"), null, null);
        assertThat(release.name()).matches(PROJECT + "/releases/release_\\d{8}-RC\\d+");

        Plan plan = client.createPlan(PROJECT, plan(release, TEST_DATABASE, PROD_DATABASE));
        assertThat(client.getPlan(plan.name()).title()).isEqualTo(plan.title());

        Rollout rollout = client.createRollout(plan.name(), null);
        assertThat(rollout.stages())
                .extracting(Stage::environment)
                .containsExactly(BytebaseSandbox.TEST_ENVIRONMENT, BytebaseSandbox.PROD_ENVIRONMENT);
        for (Stage stage : rollout.stages()) {
            client.batchRunTasks(
                    stage.name(), stage.tasks().stream().map(Task::name).toList());
            awaitStage(client, plan.name(), stage.name(), status -> status == TaskStatus.DONE);
        }

        assertThat(client.listTaskRuns(plan.name()))
                .hasSize(2)
                .extracting(TaskRun::status)
                .containsOnly(TaskRunStatus.DONE);
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactly("1.0.0");
        assertThat(client.webUrl(plan.name())).isEqualTo(sandbox.url() + "/" + plan.name());
    }

    @Test
    void shouldReadAReleaseByNameWithTheDigestsOfItsFiles(BytebaseSandbox sandbox) throws Exception {
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("CREATE TABLE t4 (id INT);".getBytes(StandardCharsets.UTF_8)));
        BytebaseClient client = SandboxClients.client(sandbox);
        Release created =
                client.createRelease(PROJECT, SandboxClients.release("4.0.0", "CREATE TABLE t4 (id INT);"), null, null);

        Release read = client.getRelease(created.name());

        assertThat(read.name()).isEqualTo(created.name());
        assertThat(read.createTime()).isEqualTo(created.createTime());
        assertThat(read.files()).singleElement().satisfies(file -> assertThat(file.sheetSha256())
                .isEqualTo(digest));
        assertThatThrownBy(() -> client.getRelease(PROJECT + "/releases/none-RC00"))
                .isInstanceOf(BytebaseNotFoundException.class);
        assertThatThrownBy(() -> client.getRelease("releases/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projects/{project-id}/releases/{release-id}");
    }

    @Test
    void shouldCreateARolloutForOneEnvironmentOnly(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.client(sandbox);
        Release release = client.createRelease(
                PROJECT,
                SandboxClients.release("2.0.0", "CREATE TABLE t2 (id INT);"),
                "build_{date}-{iteration}",
                "UTC");
        Plan plan = client.createPlan(PROJECT, plan(release, TEST_DATABASE, PROD_DATABASE));

        Rollout rollout = client.createRollout(plan.name(), BytebaseSandbox.TEST_ENVIRONMENT);

        assertThat(release.name()).matches(PROJECT + "/releases/build_\\d{8}-\\d+");
        assertThat(rollout.stages()).extracting(Stage::environment).containsExactly(BytebaseSandbox.TEST_ENVIRONMENT);
        assertThat(client.getRollout(plan.name()).name()).isEqualTo(plan.name() + "/rollout");
    }

    @Test
    void shouldCancelRunningTaskRuns(BytebaseSandbox sandbox) throws InterruptedException {
        BytebaseClient client = SandboxClients.client(sandbox);
        Release release =
                client.createRelease(PROJECT, SandboxClients.release("3.0.0", "CREATE TABLE t3 (id INT);"), null, null);
        Plan plan = client.createPlan(PROJECT, plan(release, TEST_DATABASE));
        Stage stage = client.createRollout(plan.name(), null).stages().get(0);
        client.batchRunTasks(
                stage.name(), stage.tasks().stream().map(Task::name).toList());

        List<String> cancelable = client.listTaskRuns(plan.name()).stream()
                .filter(run -> run.status().isCancelable())
                .map(TaskRun::name)
                .toList();
        assertThat(cancelable).hasSize(1);
        client.batchCancelTaskRuns(stage.name(), cancelable);

        awaitStage(client, plan.name(), stage.name(), status -> status == TaskStatus.CANCELED);
        assertThat(client.listTaskRuns(plan.name()))
                .extracting(TaskRun::status)
                .containsExactly(TaskRunStatus.CANCELED);
    }

    static Plan plan(Release release, String... databases) {
        String id = release.name().substring(release.name().lastIndexOf('/') + 1);
        return Plan.draft(
                id,
                null,
                List.of(new PlanSpec(
                        UUID.randomUUID().toString(),
                        ChangeDatabaseConfig.forRelease(List.of(databases), release.name()))));
    }

    private static void awaitStage(BytebaseClient client, String plan, String stageName, Predicate<TaskStatus> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Stage stage = client.getRollout(plan).stages().stream()
                    .filter(candidate -> candidate.name().equals(stageName))
                    .findFirst()
                    .orElseThrow();
            if (stage.tasks().stream().map(Task::status).allMatch(wanted)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("stage " + stageName + " did not reach the wanted status in time");
    }
}
