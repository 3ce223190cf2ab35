package io.jenkins.plugins.bytebase.core.rollout;

import static io.jenkins.plugins.bytebase.core.testing.Fixtures.requests;
import static io.jenkins.plugins.bytebase.core.testing.Fixtures.versioned;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_ENVIRONMENT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_ENVIRONMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.testing.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The happy paths of the rollout against the sandbox over HTTP. */
class RolloutEngineITest {

    @RegisterExtension
    static final BytebaseSandboxExtension SANDBOX =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    static final PollBackoff FAST = new PollBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
    static final List<String> BOTH = List.of(TEST_DATABASE, PROD_DATABASE);

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void shouldRollOutToTestOnlyThenContinueThePlanToProd(BytebaseSandbox sandbox) throws InterruptedException {
        RolloutEngine engine = engine(sandbox);

        PollResult test = engine.runToCompletion(request(twoFiles(), null, TEST_ENVIRONMENT));

        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).isEmpty();
        assertThat(test.snapshot().stages())
                .extracting(StageSnapshot::environment)
                .containsExactly(TEST_ENVIRONMENT, PROD_ENVIRONMENT);
        assertThat(test.snapshot().stages().get(0).isComplete()).isTrue();
        assertThat(test.snapshot().stages().get(1).isComplete()).isFalse();

        PollResult prod = engine.runToCompletion(request(null, test.handle().plan(), PROD_ENVIRONMENT));

        assertThat(prod.handle().plan()).isEqualTo(test.handle().plan());
        assertThat(prod.handle().release())
                .as("continuing reads the release from the plan")
                .isNotEmpty()
                .isEqualTo(test.handle().release());
        assertThat(prod.snapshot().release()).isEqualTo(test.handle().release());
        assertThat(events)
                .extracting(RolloutEvent::message)
                .anyMatch(message ->
                        message.startsWith("Continuing plan " + test.handle().plan())
                                && message.endsWith(" of " + test.handle().release()));
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(requests(sandbox, "/releases"))
                .as("continuing creates no release")
                .hasSize(1);
        assertThat(requests(sandbox, "/plans").stream()
                        .filter(r -> r.method().equals("POST") && r.path().endsWith("/plans")))
                .as("continuing creates no plan")
                .hasSize(1);
    }

    @Test
    void shouldRunEarlierStagesFirstWhenTargetingProd(BytebaseSandbox sandbox) throws InterruptedException {
        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(requests(sandbox, ":batchRun"))
                .extracting(RecordedRequest::path)
                .satisfiesExactly(path -> assertThat(path).contains("/stages/test/"), path -> assertThat(path)
                        .contains("/stages/prod/"));
    }

    @Test
    void shouldRunNothingWhenThePlansStagesAreDone(BytebaseSandbox sandbox) throws InterruptedException {
        RolloutEngine engine = engine(sandbox);
        String plan = engine.runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT))
                .handle()
                .plan();
        int batchRunsBefore = requests(sandbox, ":batchRun").size();

        PollResult again = engine.runToCompletion(request(null, plan, PROD_ENVIRONMENT));

        assertThat(again.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(requests(sandbox, ":batchRun")).hasSize(batchRunsBefore);
    }

    @Test
    void shouldOnlyCreateWithoutATargetStage(BytebaseSandbox sandbox) throws InterruptedException {
        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, null));

        assertThat(result.state()).isEqualTo(PollResult.State.SUCCEEDED);
        assertThat(result.handle().rollout()).isEqualTo(result.handle().plan() + "/rollout");
        assertThat(requests(sandbox, ":batchRun")).isEmpty();
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
    }

    @Test
    void shouldNameThePlanAfterTheReleaseAndLinkEveryStep(BytebaseSandbox sandbox) throws InterruptedException {
        PollResult result = engine(sandbox).runToCompletion(request(twoFiles(), null, PROD_ENVIRONMENT));

        List<RolloutEvent.Type> milestones = events.stream()
                .map(RolloutEvent::type)
                .filter(type -> type != RolloutEvent.Type.TASK_STATUS_CHANGED)
                .toList();
        assertThat(milestones)
                .containsExactly(
                        RolloutEvent.Type.RELEASE_CREATED,
                        RolloutEvent.Type.PLAN_CREATED,
                        RolloutEvent.Type.ROLLOUT_CREATED,
                        RolloutEvent.Type.STAGE_STARTED,
                        RolloutEvent.Type.STAGE_DONE,
                        RolloutEvent.Type.STAGE_STARTED,
                        RolloutEvent.Type.STAGE_DONE,
                        RolloutEvent.Type.ROLLOUT_DONE);
        String url = sandbox.url().toString();
        RolloutHandle handle = result.handle();
        assertThat(events.get(0).url()).isEqualTo(url + "/" + handle.release());
        assertThat(events.get(1).url()).isEqualTo(url + "/" + handle.plan());
        assertThat(events.get(2).url()).isEqualTo(url + "/" + handle.rollout());
        assertThat(events)
                .filteredOn(event -> event.type() == RolloutEvent.Type.STAGE_STARTED)
                .extracting(RolloutEvent::url)
                .containsExactly(
                        url + "/" + handle.rollout() + "/stages/test", url + "/" + handle.rollout() + "/stages/prod");
        assertThat(events)
                .filteredOn(event -> event.type() == RolloutEvent.Type.TASK_STATUS_CHANGED)
                .extracting(RolloutEvent::message)
                .anySatisfy(
                        message -> assertThat(message).contains(TEST_DATABASE).endsWith("DONE"))
                .anySatisfy(
                        message -> assertThat(message).contains(PROD_DATABASE).endsWith("DONE"));
        String planBody = requests(sandbox, "/plans").get(0).body();
        assertThat(planBody)
                .contains("\"title\":\""
                        + handle.release().substring(handle.release().lastIndexOf('/') + 1) + "\"");
    }

    @Test
    void shouldSendADeclarativeReleaseAsOneFileNamedAfterThePattern(BytebaseSandbox sandbox)
            throws InterruptedException {
        MigrationSet files = MigrationSets.declarative(
                Fixtures.sources(
                        "a.sql",
                        "CREATE TABLE a (id INT PRIMARY KEY);",
                        "b.sql",
                        "CREATE TABLE b (id INT PRIMARY KEY);"),
                "schema/*.sql",
                Clock.systemUTC());

        engine(sandbox).runToCompletion(request(files, null, TEST_ENVIRONMENT));

        String body = requests(sandbox, "/releases").get(0).body();
        assertThat(body).contains("\"DECLARATIVE\"").contains("\"path\":\"schema/*.sql\"");
        assertThat(sandbox.appliedVersions(TEST_DATABASE))
                .containsExactly(files.files().get(0).version());
    }

    @Test
    void shouldNameTheCommitOnTheReleaseWhenTheFrontEndKnowsIt(BytebaseSandbox sandbox) throws InterruptedException {
        String commit = "https://github.com/acme/hr/commit/0123abc";
        RolloutRequest plain = request(twoFiles(), null, null);
        RolloutRequest withSource = new RolloutRequest(
                plain.project(),
                plain.targets(),
                plain.migrations(),
                null,
                null,
                null,
                null,
                plain.timeout(),
                new VcsSource(VcsType.GITHUB, commit));

        engine(sandbox).runToCompletion(withSource);
        engine(sandbox).runToCompletion(plain);

        List<String> bodies = requests(sandbox, "/releases").stream()
                .map(RecordedRequest::body)
                .toList();
        assertThat(bodies.get(0)).contains("\"vcsSource\":{\"vcsType\":\"GITHUB\",\"url\":\"" + commit + "\"}");
        assertThat(bodies.get(1)).doesNotContain("vcsSource");
    }

    static MigrationSet twoFiles() {
        return versioned(
                "1.0.0_create_t1.sql", "CREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT NOT NULL);",
                "1.1.0_seed_t1_dml.sql", "INSERT INTO t1 (name) VALUES ('alice');");
    }

    static RolloutRequest request(MigrationSet files, String plan, String targetStage) {
        return new RolloutRequest(
                PROJECT, plan == null ? BOTH : List.of(), files, plan, targetStage, null, null, Duration.ofSeconds(30));
    }

    private RolloutEngine engine(BytebaseSandbox sandbox) {
        return new RolloutEngine(Fixtures.client(sandbox), events::add, Clock.systemUTC()).withPollBackoff(FAST);
    }
}
