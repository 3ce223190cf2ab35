package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.Faults;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import io.jenkins.plugins.bytebase.service.RolloutRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A build that waits for its rollout rides out a Bytebase outage, and a create whose answer was lost makes nothing
 * twice.
 */
@WithJenkins
class RolloutStepOutageITest {

    /** Each task stays PENDING and then RUNNING for 1 s. */
    @RegisterExtension
    static BytebaseSandboxExtension sandboxes =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofSeconds(1)));

    /** The documented shape: create inside the node, wait outside it, within a 10-minute rollout timeout. */
    private static final String CREATE_THEN_WAIT = "def r\n"
            + "node {\n"
            + writeMigration(NOT_NULL_SQL)
            + "  r = bytebaseRollout project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE)
            + ", filePattern: 'migrations/*.sql'\n"
            + "}\n"
            + "r = bytebaseRollout project: '" + PROJECT + "', plan: r.plan, targetStage: 'environments/test', "
            + "timeout: 10\n"
            + "echo \"waited: stages=${r.stages}\"\n";

    /** What the client says before each repeat of a request; while a step waits, it goes to the Jenkins log. */
    private static final String RETRY_NOTE = "retrying in";

    /** Held here: the logging system keeps loggers only weakly. */
    private static final Logger WAIT_NOTES = Logger.getLogger(RolloutRunner.class.getName());

    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Handler noteCollector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            notes.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    private JenkinsRule j;
    private BytebaseSandbox sandbox;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        this.sandbox = sandbox;
        Fixtures.useSandbox(sandbox);
        previousLevel = WAIT_NOTES.getLevel();
        WAIT_NOTES.setLevel(Level.FINE);
        noteCollector.setLevel(Level.ALL);
        WAIT_NOTES.addHandler(noteCollector);
    }

    @AfterEach
    void tearDown() {
        WAIT_NOTES.removeHandler(noteCollector);
        WAIT_NOTES.setLevel(previousLevel);
        sandbox.startListening();
    }

    @Test
    void shouldRideOutAnOutageAndSaySoOnceWhenItStartsAndOnceWhenItEnds() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, CREATE_THEN_WAIT);
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        Fixtures.await("the task to run", 60, () -> !Fixtures.requests(sandbox, "POST", "tasks:batchRun")
                .isEmpty());

        sandbox.stopListening();
        j.waitForMessage("Bytebase cannot be reached", build);
        // Each poll that finds Bytebase away makes three attempts, with a note before the second and the third; wait
        // until two polls have made their last one, so that a console line per poll would show.
        Fixtures.await("two polls to fail", 60, () -> pollsAtTheirLastAttempt() >= 2);
        assertThat(build.isBuilding()).as("still waiting").isTrue();
        sandbox.startListening();

        j.assertBuildStatusSuccess(j.waitForCompletion(build));
        String log = JenkinsRule.getLog(build);
        assertThat(log.lines().filter(line -> line.contains("Bytebase cannot be reached")))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("keeps waiting until")
                .contains("Could not connect");
        assertThat(log.lines().filter(line -> line.contains("Bytebase answers again")))
                .hasSize(1);
        assertThat(log)
                .as("the client's repeats of each poll stay out of the console")
                .doesNotContain(RETRY_NOTE);
        assertThat(notes).filteredOn(note -> note.contains(RETRY_NOTE)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(log).contains("waited: stages=[environments/test:DONE]");
        assertThat(sandbox.taskRunNames()).hasSize(1);
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
    }

    @Test
    void shouldCarryOnWithWhatEachCreateMadeWhenItsAnswerWasLost() throws Exception {
        sandbox.faults()
                .dropAfterApplyNext(Faults.Change.CREATE_RELEASE, 1)
                .dropAfterApplyNext(Faults.Change.CREATE_PLAN, 1)
                .dropAfterApplyNext(Faults.Change.CREATE_ROLLOUT, 1)
                .dropAfterApplyNext(Faults.Change.BATCH_RUN_TASKS, 1);

        WorkflowRun build = j.buildAndAssertSuccess(Fixtures.pipeline(j, CREATE_THEN_WAIT));

        String log = JenkinsRule.getLog(build);
        assertThat(log)
                .contains("No answer to creating a release in " + PROJECT)
                .contains("No answer to creating a plan in " + PROJECT)
                .contains("No answer to creating the rollout of ")
                .contains("no answer to running 1 task")
                .contains("waited: stages=[environments/test:DONE]");
        assertThat(Fixtures.requests(sandbox, "POST", "tasks:batchRun"))
                .extracting(request -> request.status())
                .as("the dropped answer, then nothing more: the task run was found")
                .containsExactly(0);
        assertThat(sandbox.releaseNames()).hasSize(1);
        assertThat(sandbox.planNames()).hasSize(1);
        assertThat(sandbox.taskRunNames()).hasSize(1);
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
    }

    /** Polls whose client made its third and last attempt, each announced by a note. */
    private long pollsAtTheirLastAttempt() {
        return notes.stream().filter(note -> note.contains("(attempt 3 of 3)")).count();
    }
}
