package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.BOTH;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.FAST;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.request;
import static io.jenkins.plugins.bytebase.core.rollout.RolloutEngineITest.twoFiles;
import static io.jenkins.plugins.bytebase.core.testing.Fixtures.requests;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_ENVIRONMENT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.Faults;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creates and task runs whose connection breaks after they were sent (the sandbox carries the request out, or not,
 * then closes the connection without an answer): what they made is read back and used, nothing is made twice, and no
 * rollout fails for a request that was carried out. Counted in the sandbox: releases, plans, task runs.
 */
class RolloutLostAnswerITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void shouldUseTheReleaseWhoseAnswerWasLost(BytebaseSandbox sandbox) throws InterruptedException {
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_RELEASE, 1);

        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.releaseNames()).containsExactly(result.handle().release());
        assertThat(sandbox.planNames()).containsExactly(result.handle().plan());
        assertThat(postsTo(sandbox, "/releases"))
                .extracting(RecordedRequest::status)
                .containsExactly(0);
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(events)
                .filteredOn(e -> e.type() == RolloutEvent.Type.OUTCOME_UNKNOWN)
                .hasSize(1);
        assertThat(events)
                .filteredOn(e -> e.type() == RolloutEvent.Type.RELEASE_CREATED)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("its answer was lost, found in Bytebase"));
    }

    @Test
    void shouldFindTheReleaseAmongOthersOfTheSameIdTemplate(BytebaseSandbox sandbox) throws InterruptedException {
        String template = "hr_{timestamp}-{iteration}";
        BytebaseClient client = Fixtures.client(sandbox);
        client.createRelease(PROJECT, draft(Fixtures.versioned("1.0.0_a.sql", "SELECT 1;")), template, null);
        client.createRelease(PROJECT, draft(twoFiles()), template, null); // the same files, made earlier
        client.createRelease(PROJECT, draft(Fixtures.versioned("2.0.0_b.sql", "SELECT 2;")), template, null);
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_RELEASE, 1);

        PollResult result = engine(sandbox)
                .runToCompletion(new RolloutRequest(
                        PROJECT, BOTH, twoFiles(), null, PROD_ENVIRONMENT, template, null, Duration.ofSeconds(30)));

        List<String> releases = sandbox.releaseNames();
        assertThat(releases).hasSize(4);
        assertThat(result.handle().release())
                .as("the release this rollout made, the newest with its files")
                .isEqualTo(releases.get(3));
    }

    @Test
    void shouldUseThePlanWhoseAnswerWasLost(BytebaseSandbox sandbox) throws InterruptedException {
        RolloutEngine engine = engine(sandbox);
        engine.runToCompletion(request(twoFiles(), null, null));
        engine.runToCompletion(request(twoFiles(), null, null));
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_PLAN, 1);

        PollResult result = engine.runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(sandbox.planNames())
                .hasSize(3)
                .last()
                .isEqualTo(result.handle().plan());
        assertThat(sandbox.releaseNames()).hasSize(3);
        assertThat(postsTo(sandbox, "/plans"))
                .extracting(RecordedRequest::status)
                .containsExactly(200, 200, 0);
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(events)
                .filteredOn(e -> e.type() == RolloutEvent.Type.PLAN_CREATED)
                .last()
                .satisfies(e -> assertThat(e.message()).contains("its answer was lost, found in Bytebase"));
    }

    @Test
    void shouldUseTheRolloutWhoseAnswerWasLost(BytebaseSandbox sandbox) throws InterruptedException {
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_ROLLOUT, 1);

        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(postsTo(sandbox, "/rollout"))
                .as("read back, not created again")
                .extracting(RecordedRequest::status)
                .containsExactly(0);
        assertThat(sandbox.taskRunNames()).hasSize(2);
    }

    @Test
    void shouldRunNoTaskTwiceWhenTheAnswerToARunWasLost(BytebaseSandbox sandbox) throws InterruptedException {
        sandbox.faults().dropAfterApplyNext(Faults.Change.BATCH_RUN_TASKS, 1);

        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.taskRunNames()).as("one run per task").hasSize(2);
        assertThat(requests(sandbox, ":batchRun"))
                .extracting(RecordedRequest::status)
                .containsExactly(0, 200);
        assertThat(events)
                .filteredOn(e -> e.type() == RolloutEvent.Type.OUTCOME_UNKNOWN)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Stage environments/test: no answer to running"));
    }

    @Test
    void shouldRunTheTasksAgainOnlyAfterSeeingTheyHaveNoRun(BytebaseSandbox sandbox) throws InterruptedException {
        sandbox.faults().dropBeforeApplyNext(Faults.Change.BATCH_RUN_TASKS, 1);

        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.taskRunNames()).as("one run per task").hasSize(2);
        List<String> calls = sandbox.requests().stream()
                .map(request -> request.method() + " " + request.path())
                .filter(call -> call.contains(":batchRun") || call.contains("/taskRuns"))
                .toList();
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0)).contains("/stages/test/tasks:batchRun");
        assertThat(calls.get(1))
                .as("listed before running again")
                .startsWith("GET ")
                .contains("/taskRuns");
        assertThat(calls.get(2)).contains("/stages/test/tasks:batchRun");
        assertThat(calls.get(3)).contains("/stages/prod/tasks:batchRun");
    }

    @Test
    void shouldCreateNothingTwiceWhenEveryAnswerIsLost(BytebaseSandbox sandbox) throws InterruptedException {
        sandbox.faults()
                .dropAfterApplyNext(Faults.Change.CREATE_RELEASE, 1)
                .dropAfterApplyNext(Faults.Change.CREATE_PLAN, 1)
                .dropAfterApplyNext(Faults.Change.CREATE_ROLLOUT, 1)
                .dropAfterApplyNext(Faults.Change.BATCH_RUN_TASKS, 1)
                .dropAfterApplyNext(Faults.Change.BATCH_RUN_TASKS, 1);

        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.releaseNames()).hasSize(1);
        assertThat(sandbox.planNames()).hasSize(1);
        assertThat(sandbox.taskRunNames()).hasSize(2);
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(events)
                .filteredOn(e -> e.type() == RolloutEvent.Type.OUTCOME_UNKNOWN)
                .hasSize(5);
    }

    @Test
    void shouldFailWithNothingMadeWhenTheLostCreateWasNotCarriedOut(BytebaseSandbox sandbox) {
        sandbox.faults().dropBeforeApplyNext(Faults.Change.CREATE_RELEASE, 1);

        assertThatThrownBy(() -> engine(sandbox).start(request(twoFiles(), null, PROD_ENVIRONMENT)))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("Bytebase did not answer creating a release in " + PROJECT)
                .hasMessageContaining("and it has no release of " + PROJECT + " with these files")
                .hasMessageContaining("nothing was created by that request; run again");
        assertThat(sandbox.releaseNames()).isEmpty();
        assertThat(sandbox.planNames()).isEmpty();
        assertThat(postsTo(sandbox, "/releases")).as("never sent again").hasSize(1);
    }

    @Test
    void shouldSayWhereToLookWhenALostPlanCannotBeFoundByIdOnAnOlderServer() {
        try (BytebaseSandbox older = BytebaseSandbox.start(SandboxOptions.defaults()
                .withTaskStepDelay(Duration.ofMillis(20))
                .withVersion("3.16.0"))) {
            older.faults().dropBeforeApplyNext(Faults.Change.CREATE_PLAN, 1);

            assertThatThrownBy(() -> engine(older).start(request(twoFiles(), null, PROD_ENVIRONMENT)))
                    .isInstanceOf(RolloutException.class)
                    .hasMessageContaining("Bytebase did not answer creating a plan in " + PROJECT)
                    .hasMessageContaining("Bytebase 3.16.0 numbers plans across projects, so it may exist all the same")
                    .hasMessageContaining("before running again")
                    .hasMessageNotContaining("nothing was created");
            assertThat(older.planNames()).isEmpty();
        }
    }

    private static List<RecordedRequest> postsTo(BytebaseSandbox sandbox, String suffix) {
        return sandbox.requests().stream()
                .filter(request -> request.method().equals("POST"))
                .filter(request -> request.path().replaceFirst("\\?.*", "").endsWith(suffix))
                .toList();
    }

    private static Release draft(MigrationSet files) {
        return Release.draft(
                ReleaseType.VERSIONED,
                files.releaseFiles().stream()
                        .map(file -> ReleaseFile.of(file.path(), file.version(), file.content()))
                        .toList(),
                null);
    }

    /**
     * Polls on real time (the sandbox's tasks move on it), but waits at most 50 ms: the looks for a lost answer
     * (after 5 and 15 s) need not really wait here.
     */
    private RolloutEngine engine(BytebaseSandbox sandbox) {
        return new RolloutEngine(Fixtures.client(sandbox), events::add, Clock.systemUTC())
                .withPollBackoff(FAST)
                .withSleeper(duration -> Thread.sleep(Math.min(duration.toMillis(), 50)));
    }
}
