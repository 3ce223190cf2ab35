package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.remoting.Channel;
import hudson.remoting.Command;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.actions.ReviewAction;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The workspace on an agent: the migration files exist only there, are read there, and the reports are written there;
 * Bytebase is called from the controller. What the controller sends the agent is watched on the agent's channel: the
 * only code of ours that crosses is the file reader, and the reports go as {@code FilePath} writes.
 */
@WithJenkins
class AgentWorkspaceITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private static final String LABEL = "remote";

    private JenkinsRule j;
    private BytebaseSandbox sandbox;
    private DumbSlave agent;
    private final List<String> sentToAgent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        this.sandbox = sandbox;
        Fixtures.useSandbox(sandbox);
        agent = j.createOnlineSlave(Label.get(LABEL));
    }

    /** Starts recording the commands the controller sends the agent (after the test has put its files there). */
    private void watchTheAgentsChannel() {
        ((Channel) agent.getChannel()).addListener(new Channel.Listener() {
            @Override
            public void onWrite(Channel channel, Command cmd, long blockSize) {
                sentToAgent.add(cmd.toString());
            }
        });
    }

    /** Our classes among the commands sent, by simple name. */
    private List<String> ourCallablesSent() {
        return sentToAgent.stream()
                .filter(command -> command.contains("io.jenkins.plugins.bytebase."))
                .map(command -> command.replaceAll("^.*\\.([A-Za-z$]+)@\\p{XDigit}+$", "$1"))
                .toList();
    }

    private long fileWritesSent() {
        return sentToAgent.stream()
                .filter(command -> command.contains("hudson.FilePath$Write@"))
                .count();
    }

    /** The migration, put into the agent's workspace from the test, so that the build itself writes nothing. */
    private void putMigrationOnTheAgent(WorkflowJob job, String sql) throws Exception {
        agent.getWorkspaceFor(job).child(Fixtures.MIGRATION_PATH).write(sql, "UTF-8");
    }

    @Test
    void shouldReviewTheAgentsFilesAndWriteTheReportsOnTheAgent() throws Exception {
        WorkflowJob job = Fixtures.pipeline(
                j,
                "node('" + LABEL + "') {\n"
                        + "  def r = bytebaseReview project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE)
                        + ", filePattern: 'migrations/*.sql', sarifFile: 'reports/review.sarif',"
                        + " jsonFile: 'reports/review.json', markdownFile: 'reports/review.md'\n"
                        + "  echo \"returned warnings=${r.warnings} sarifFile=${r.sarifFile}\"\n"
                        + "}\n");
        putMigrationOnTheAgent(job, NULLABLE_SQL);
        watchTheAgentsChannel();

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        assertThat(JenkinsRule.getLog(build))
                .contains("Running on " + agent.getNodeName())
                .contains("1 migration file(s) match migrations/*.sql")
                .contains(Fixtures.MIGRATION_PATH + ":3")
                .contains("returned warnings=1 sarifFile=reports/review.sarif");
        assertThat(Fixtures.requests(sandbox, "POST", "releases:check")).hasSize(1);
        assertThat(build.getAction(ReviewAction.class).getWarnings()).isEqualTo(1);

        FilePath workspace = agent.getWorkspaceFor(job);
        assertThat(workspace.isRemote()).as("the agent's workspace is reached over its channel").isTrue();
        JsonNode sarif = new ObjectMapper().readTree(workspace.child("reports/review.sarif").readToString());
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(3);
        assertThat(workspace.child("reports/review.json").readToString()).contains(Fixtures.MIGRATION_PATH);
        assertThat(workspace.child("reports/review.md").readToString()).contains(Fixtures.MIGRATION_PATH);
        assertThat(j.jenkins.getWorkspaceFor(job).exists())
                .as("nothing is read from or written to a workspace on the controller")
                .isFalse();
        assertThat(ourCallablesSent())
                .as("files are found and read on the agent")
                .containsExactly("WorkspaceFiles$FindFiles");
        assertThat(fileWritesSent()).as("the SARIF, JSON and Markdown reports").isEqualTo(3);
    }

    @Test
    void shouldRollOutTheAgentsFilesAndWriteTheOutputFileOnTheAgent() throws Exception {
        WorkflowJob job = Fixtures.pipeline(
                j,
                "node('" + LABEL + "') {\n"
                        + "  def r = bytebaseRollout project: '" + PROJECT + "', targets: "
                        + targets(TEST_DATABASE, PROD_DATABASE) + ", filePattern: 'migrations/*.sql',"
                        + " targetStage: 'environments/test', outputFile: 'out/rollout.json'\n"
                        + "  echo \"returned plan=${r.plan}\"\n"
                        + "}\n");
        putMigrationOnTheAgent(job, NOT_NULL_SQL);
        watchTheAgentsChannel();

        WorkflowRun build = j.buildAndAssertSuccess(job);

        assertThat(JenkinsRule.getLog(build))
                .contains("Running on " + agent.getNodeName())
                .contains("1 migration file(s) match migrations/*.sql")
                .contains("returned plan=" + PROJECT + "/plans/");
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).isEmpty();
        JsonNode output =
                new ObjectMapper().readTree(agent.getWorkspaceFor(job).child("out/rollout.json").readToString());
        assertThat(output.path("release").asText()).startsWith(PROJECT + "/releases/");
        assertThat(output.path("plan").asText()).startsWith(PROJECT + "/plans/");
        assertThat(output.path("rollout").asText()).isEqualTo(output.path("plan").asText() + "/rollout");
        assertThat(j.jenkins.getWorkspaceFor(job).exists())
                .as("nothing is read from or written to a workspace on the controller")
                .isFalse();
        assertThat(ourCallablesSent())
                .as("files are found and read on the agent")
                .containsExactly("WorkspaceFiles$FindFiles");
        assertThat(fileWritesSent()).as("the output file").isEqualTo(1);
    }
}
