package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Executor;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRun;
import io.jenkins.plugins.bytebase.core.client.dto.TaskRunStatus;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Aborting the build while a task runs cancels the Bytebase task runs. */
@WithJenkins
class RolloutAbortITest {

    /** Slow tasks: each stays PENDING and RUNNING for 4 s, time enough to abort. */
    @RegisterExtension
    static BytebaseSandboxExtension sandboxes =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofSeconds(4)));

    @Test
    void shouldCancelTheTaskRunsWhenTheBuildIsAborted(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.useSandbox(sandbox);
        WorkflowJob job = Fixtures.pipeline(
                j,
                "node {\n" + writeMigration(NOT_NULL_SQL) + "  bytebaseRollout project: '" + PROJECT
                        + "', targets: " + targets(TEST_DATABASE)
                        + ", filePattern: 'migrations/*.sql', targetStage: 'environments/test'\n}\n");

        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        Fixtures.await(
                "the tasks to run", 30, () -> !Fixtures.requests(sandbox, "POST", "tasks:batchRun")
                        .isEmpty());
        Executor executor = build.getExecutor();
        assertThat(executor).isNotNull();
        executor.interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));

        assertThat(Fixtures.requests(sandbox, "POST", "taskRuns:batchCancel"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
        String plan = Fixtures.planOfFirstBatchRun(sandbox);
        List<TaskRun> runs = sandboxClient(sandbox).listTaskRuns(plan);
        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.status())
                .isEqualTo(TaskRunStatus.CANCELED));
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
    }

    private static BytebaseClient sandboxClient(BytebaseSandbox sandbox) {
        return BytebaseClient.builder(sandbox.url())
                .credentials(Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret()))
                .build();
    }
}
