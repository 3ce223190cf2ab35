package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The rollout waits without a thread, survives a controller restart and carries on where it was. */
class RolloutRestartITest {

    /** Slow tasks: each stays PENDING and RUNNING for 5 s, so the controller restarts while the rollout waits. */
    @RegisterExtension
    static BytebaseSandboxExtension sandboxes =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofSeconds(5)));

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldCompleteTheRolloutAfterAControllerRestart(BytebaseSandbox sandbox) throws Throwable {
        sessions.then(j -> {
            Fixtures.useSandbox(sandbox);
            WorkflowJob job = Fixtures.pipeline(
                    j,
                    "node {\n" + writeMigration(NOT_NULL_SQL) + "  def r = bytebaseRollout project: '" + PROJECT
                            + "', targets: " + targets(TEST_DATABASE)
                            + ", filePattern: 'migrations/*.sql', targetStage: 'environments/test'\n"
                            + "  echo \"rolled out plan=${r.plan}\"\n}\n");
            job.scheduleBuild2(0).waitForStart();
            Fixtures.await(
                    "the tasks to run", 30, () -> !Fixtures.requests(sandbox, "POST", "tasks:batchRun")
                            .isEmpty());
            assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
        });
        sessions.then(j -> {
            WorkflowJob job = j.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun build = job.getBuildByNumber(1);

            j.assertBuildStatusSuccess(j.waitForCompletion(build));

            assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
            String plan = Fixtures.planOfFirstBatchRun(sandbox);
            assertThat(JenkinsRule.getLog(build)).contains("Resuming").contains("rolled out plan=" + plan);
            assertThat(Fixtures.requests(sandbox, "POST", "/v1/auth/login"))
                    .as("the connections were closed when Jenkins stopped: the restarted controller logs in anew")
                    .hasSize(2);
            assertThat(Fixtures.requests(sandbox, "POST", PROJECT + "/releases"))
                    .as("the resumed step polls the same rollout instead of starting again")
                    .filteredOn(request -> !request.path().contains("releases:check"))
                    .hasSize(1);
        });
    }
}
