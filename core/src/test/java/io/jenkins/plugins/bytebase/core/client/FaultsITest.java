package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.Task;
import io.jenkins.plugins.bytebase.core.client.dto.TaskStatus;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Server trouble and what the client makes of it: retries where safe, clear errors otherwise. */
@ExtendWith(BytebaseSandboxExtension.class)
class FaultsITest {

    private final List<String> log = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    private BytebaseClient client(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.builder(sandbox, log::add).build();
        client.serverInfo(); // log in and probe first, so faults hit the call under test
        return client;
    }

    private Plan newPlan(BytebaseClient client) {
        Release release =
                client.createRelease(PROJECT, SandboxClients.release("1.0.0", "CREATE TABLE t (id INT);"), null, null);
        return client.createPlan(PROJECT, BytebaseClientITest.plan(release, TEST_DATABASE));
    }

    @Test
    void shouldWaitAsTheServerAsksAfterA429AndThenSucceed(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.builder(sandbox, log::add)
                .retryPolicy(RetryPolicy.defaults())
                .sleeper(sleeps::add)
                .build();
        client.serverInfo();
        Plan plan = newPlan(client);
        sandbox.faults().rateLimitNext(1, 2);

        assertThat(client.getPlan(plan.name()).name()).isEqualTo(plan.name());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(SandboxClients.statuses(sandbox, "GET", "/v1/" + plan.name()))
                .containsExactly(429, 200);
        assertThat(log).singleElement().asString().contains("HTTP 429").contains("attempt 2 of 3");
    }

    @Test
    void shouldRetryA503OnAReadAndThenSucceed(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        Plan plan = newPlan(client);
        client.createRollout(plan.name(), null);
        sandbox.faults().failNext(1, 503);

        assertThat(client.getRollout(plan.name()).stages()).isNotEmpty();

        assertThat(SandboxClients.statuses(sandbox, "GET", "/v1/" + plan.name() + "/rollout"))
                .containsExactly(503, 200);
    }

    @Test
    void shouldRetryA503OnACheck(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        sandbox.faults().failNext(2, 503);

        client.checkRelease(
                PROJECT,
                new CheckReleaseRequest(
                        SandboxClients.release("1.0.0", SandboxClients.TUTORIAL_SQL),
                        List.of(TEST_DATABASE),
                        null,
                        null));

        assertThat(SandboxClients.statuses(sandbox, "POST", "/v1/" + PROJECT + "/releases:check"))
                .containsExactly(503, 503, 200);
    }

    @Test
    void shouldNotRetryA503OnACreate(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        sandbox.faults().failNext(1, 503);

        assertThatThrownBy(() -> client.createRelease(
                        PROJECT, SandboxClients.release("1.0.0", "CREATE TABLE t (id INT);"), null, null))
                .isInstanceOfSatisfying(
                        BytebaseException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("try again later");
        assertThat(SandboxClients.statuses(sandbox, "POST", "/v1/" + PROJECT + "/releases"))
                .containsExactly(503);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWithTheServersStatus(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        sandbox.faults().failNext(5, 502);

        assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/1"))
                .isInstanceOfSatisfying(
                        BytebaseException.class, e -> assertThat(e.status()).isEqualTo(502));
        assertThat(SandboxClients.count(sandbox, "GET", "/v1/" + PROJECT + "/plans/1"))
                .isEqualTo(3);
    }

    @Test
    void shouldTimeOutWithAClearMessage(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.builder(sandbox, log::add)
                .requestTimeout(Duration.ofMillis(200))
                .build();
        client.serverInfo();
        sandbox.faults().latency(Duration.ofMillis(1000));
        try {
            assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/1"))
                    .isInstanceOfSatisfying(BytebaseTimeoutException.class, e -> assertThat(e.status())
                            .isZero())
                    .hasMessageContaining("within 200 ms (request timeout)")
                    .hasMessageContaining("raise the request timeout");
        } finally {
            sandbox.faults().clear();
        }
    }

    @Test
    void shouldSayTheAnswerWasNotTheExpectedJson(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        sandbox.faults().malformedJsonNext(1);

        assertThatThrownBy(() -> client.getPlan(PROJECT + "/plans/1"))
                .isInstanceOf(BytebaseException.class)
                .hasMessageContaining("was not the expected JSON")
                .hasMessageContaining("a proxy, login or error page may have answered");
    }

    @Test
    void shouldReadAnUnknownTaskStatusAsUnknown(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        Plan plan = newPlan(client);
        client.createRollout(plan.name(), null);
        sandbox.faults().unknownTaskStatus("PAUSED");

        List<Task> tasks = client.getRollout(plan.name()).stages().get(0).tasks();

        assertThat(tasks).isNotEmpty().extracting(Task::status).containsOnly(TaskStatus.UNKNOWN);
    }

    @Test
    void shouldRetryAReadWhoseConnectionDropped(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        Plan plan = newPlan(client);
        sandbox.faults().dropNext(1);

        assertThat(client.getPlan(plan.name()).name()).isEqualTo(plan.name());
        assertThat(SandboxClients.statuses(sandbox, "GET", "/v1/" + plan.name()))
                .containsExactly(0, 200);
    }

    @Test
    void shouldNotRepeatACreateWhoseConnectionDropped(BytebaseSandbox sandbox) {
        BytebaseClient client = client(sandbox);
        sandbox.faults().dropNext(1);

        assertThatThrownBy(() -> client.createRelease(
                        PROJECT, SandboxClients.release("1.0.0", "CREATE TABLE t (id INT);"), null, null))
                .isInstanceOfSatisfying(BytebaseOutcomeUnknownException.class, e -> assertThat(e.status())
                        .isZero())
                .hasMessageContaining("broke before Bytebase answered POST /v1/" + PROJECT + "/releases")
                .hasMessageContaining("check in Bytebase before running again");
        assertThat(SandboxClients.statuses(sandbox, "POST", "/v1/" + PROJECT + "/releases"))
                .containsExactly(0);
    }
}
