package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.Stage;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.Faults;
import io.jenkins.plugins.bytebase.sandbox.IdleClose;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections that break: a pooled keep-alive connection ended by a load balancer while idle must not fail the next
 * read, and a change whose answer was lost raises {@link BytebaseOutcomeUnknownException}, never a second request.
 */
@ExtendWith(BytebaseSandboxExtension.class)
class BrokenConnectionITest {

    private static final Duration IDLE = Duration.ofMillis(300);

    private final List<String> log = new ArrayList<>();

    private BytebaseClient client(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.builder(sandbox, log::add)
                .retryPolicy(RetryPolicy.none())
                .build();
        client.serverInfo();
        return client;
    }

    private static Release release(BytebaseClient client) {
        return client.createRelease(PROJECT, SandboxClients.release("1.0.0", "CREATE TABLE t (id INT);"), null, null);
    }

    private static int releasesIn(BytebaseClient client) {
        JsonNode list = client.call(ApiCall.get("/v1/" + PROJECT + "/releases", "the releases"), JsonNode.class);
        return list.path("releases").size();
    }

    @Test
    void shouldSayTheOutcomeOfALostReleaseIsUnknownWhileTheServerMadeIt(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_RELEASE, 1);

        assertThatThrownBy(() -> release(client))
                .isInstanceOfSatisfying(BytebaseOutcomeUnknownException.class, e -> assertThat(e.request())
                        .isEqualTo("POST /v1/" + PROJECT + "/releases"))
                .hasMessageContaining("may have been carried out");

        assertThat(releasesIn(client)).isEqualTo(1);
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/" + PROJECT + "/releases"))
                .as("sent once, never repeated")
                .isEqualTo(1);
    }

    @Test
    void shouldSayTheOutcomeOfALostPlanIsUnknownWhileTheServerMadeIt(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        Release release = release(client);
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_PLAN, 1);

        assertThatThrownBy(() -> client.createPlan(PROJECT, BytebaseClientITest.plan(release, TEST_DATABASE)))
                .isInstanceOf(BytebaseOutcomeUnknownException.class);

        assertThat(client.getPlan(PROJECT + "/plans/101").name()).isEqualTo(PROJECT + "/plans/101");
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/" + PROJECT + "/plans"))
                .isEqualTo(1);
    }

    @Test
    void shouldSayTheOutcomeOfALostRolloutAndTaskRunIsUnknownWhileTheServerMadeThem(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        Plan plan = client.createPlan(PROJECT, BytebaseClientITest.plan(release(client), TEST_DATABASE));
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_ROLLOUT, 1);

        assertThatThrownBy(() -> client.createRollout(plan.name(), null))
                .isInstanceOf(BytebaseOutcomeUnknownException.class);
        Stage stage = client.getRollout(plan.name()).stages().get(0);
        sandbox.faults().dropAfterApplyNext(Faults.Change.BATCH_RUN_TASKS, 1);

        assertThatThrownBy(() -> client.batchRunTasks(
                        stage.name(), List.of(stage.tasks().get(0).name())))
                .isInstanceOfSatisfying(BytebaseOutcomeUnknownException.class, e -> assertThat(e.request())
                        .endsWith("/tasks:batchRun"));

        assertThat(client.listTaskRuns(plan.name())).hasSize(1);
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/" + stage.name() + "/tasks:batchRun"))
                .isEqualTo(1);
    }

    @Test
    void shouldWorkAgainWithItsTokenWhenTheServerIsBackFromAnOutage(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        Plan plan = client.createPlan(PROJECT, BytebaseClientITest.plan(release(client), TEST_DATABASE));

        sandbox.stopListening();
        try {
            assertThatThrownBy(() -> client.getPlan(plan.name()))
                    .isInstanceOf(BytebaseException.class)
                    .hasMessageContaining("Could not connect");
        } finally {
            sandbox.startListening();
        }

        assertThat(client.getPlan(plan.name()).name()).isEqualTo(plan.name());
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login"))
                .as("the server kept its tokens, the connection its token")
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = IdleClose.class,
            names = {"WHEN_USED", "RESET_WHEN_USED"})
    void shouldReadThroughAConnectionALoadBalancerEndedWhileIdle(IdleClose how) throws InterruptedException {
        try (BytebaseSandbox sandbox =
                BytebaseSandbox.start(SandboxOptions.defaults().withIdleConnectionClose(IDLE, how))) {
            BytebaseClient client = client(sandbox);
            Plan plan = client.createPlan(PROJECT, BytebaseClientITest.plan(release(client), TEST_DATABASE));
            Thread.sleep(IDLE.multipliedBy(2).toMillis());

            assertThat(client.getPlan(plan.name()).name()).isEqualTo(plan.name());
            Thread.sleep(IDLE.multipliedBy(2).toMillis());
            assertThat(client.checkRelease(
                                    PROJECT,
                                    new CheckReleaseRequest(
                                            SandboxClients.release("2.0.0", SandboxClients.TUTORIAL_SQL),
                                            List.of(TEST_DATABASE),
                                            null,
                                            null))
                            .results())
                    .as("releases:check changes nothing, so it is repeated like a read")
                    .isNotEmpty();

            assertThat(log)
                    .as("no retry line: the retry policy allows no retry at all")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = IdleClose.class,
            names = {"WHEN_USED", "RESET_WHEN_USED"})
    void shouldNotRepeatACreateThatMetAnEndedConnection(IdleClose how) throws InterruptedException {
        try (BytebaseSandbox sandbox =
                BytebaseSandbox.start(SandboxOptions.defaults().withIdleConnectionClose(IDLE, how))) {
            BytebaseClient client = client(sandbox);
            Thread.sleep(IDLE.multipliedBy(2).toMillis());

            assertThatThrownBy(() -> release(client)).isInstanceOf(BytebaseOutcomeUnknownException.class);

            assertThat(releasesIn(client))
                    .as("the load balancer swallowed it; only reading back can tell")
                    .isZero();
        }
    }
}
