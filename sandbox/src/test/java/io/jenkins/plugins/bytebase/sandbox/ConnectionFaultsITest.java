package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults of the connections: answers lost after the change was made, outages, idle connections ended. */
class ConnectionFaultsITest {

    @RegisterExtension
    static final BytebaseSandboxExtension EXTENSION =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(20)));

    private static final String RELEASES = "/v1/" + BytebaseSandbox.PROJECT + "/releases";
    private static final Duration IDLE = Duration.ofMillis(300);

    @Test
    void shouldCreateTheReleaseButDropTheAnswer(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_RELEASE, 1);

        assertThatThrownBy(() -> http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;")))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(http.get(RELEASES).json().get("releases")).hasSize(1);
        assertThat(sandbox.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().equals(RELEASES))
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(0);
        assertThat(http.post(RELEASES, SandboxHttp.release("b.sql", "2", "SELECT 2;"))
                        .status())
                .as("the fault wears off")
                .isEqualTo(200);
    }

    @Test
    void shouldDropOnlyTheAnswersOfTheChosenKindAndOnlyWhenTheyWereCarriedOut(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_PLAN, 1);

        String release = http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;"))
                .json()
                .get("name")
                .asText();
        SandboxHttp.Reply refused = http.post(
                "/v1/" + BytebaseSandbox.PROJECT + "/plans",
                SandboxHttp.plan("deploy", release, "instances/nowhere/databases/none"));
        assertThat(refused.status())
                .as("a refused plan changes nothing and keeps its answer")
                .isNotEqualTo(200);
        assertThatThrownBy(() -> http.post(
                        "/v1/" + BytebaseSandbox.PROJECT + "/plans",
                        SandboxHttp.plan("deploy", release, BytebaseSandbox.TEST_DATABASE)))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(http.get("/v1/" + BytebaseSandbox.PROJECT + "/plans/101").status())
                .as("the plan was created")
                .isEqualTo(200);
    }

    @Test
    void shouldRunTheTasksButDropTheAnswer(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = RolloutFlowITest.createPlan(http, "SELECT 1;", "SELECT 2;");
        sandbox.faults().dropAfterApplyNext(Faults.Change.CREATE_ROLLOUT, 1);
        assertThatThrownBy(() -> http.post("/v1/" + plan + "/rollout", "{}")).isInstanceOf(UncheckedIOException.class);
        String stage =
                http.get("/v1/" + plan + "/rollout").json().at("/stages/0/name").asText();
        String task = http.get("/v1/" + plan + "/rollout")
                .json()
                .at("/stages/0/tasks/0/name")
                .asText();
        sandbox.faults().dropAfterApplyNext(Faults.Change.BATCH_RUN_TASKS, 1);

        assertThatThrownBy(() -> http.post("/v1/" + stage + "/tasks:batchRun", "{\"tasks\":[\"" + task + "\"]}"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(http.get("/v1/" + plan + "/rollout/stages/-/tasks/-/taskRuns")
                        .json()
                        .get("taskRuns"))
                .as("the task run exists")
                .hasSize(1);
    }

    @Test
    void shouldRefuseConnectionsDuringAnOutageAndComeBackWithItsState(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;"));

        sandbox.stopListening();
        try {
            assertThatThrownBy(() -> new SandboxHttp(sandbox).get(RELEASES)).hasCauseInstanceOf(ConnectException.class);
        } finally {
            sandbox.startListening();
        }

        assertThat(http.get(RELEASES).json().get("releases"))
                .as("the same token and the same release")
                .hasSize(1);
    }

    @Test
    void shouldTellTheConnectionOfEachRequest(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        http.get(RELEASES);
        new SandboxHttp(sandbox).login();

        List<Integer> ports =
                sandbox.requests().stream().map(RecordedRequest::clientPort).toList();
        assertThat(ports.get(0))
                .as("one client's requests share its connection")
                .isEqualTo(ports.get(1));
        assertThat(ports.get(2)).as("another client has its own").isNotEqualTo(ports.get(0));
    }

    @Test
    void shouldSwallowTheNextRequestOnAnIdleConnectionAndCloseIt() throws InterruptedException {
        try (BytebaseSandbox sandbox =
                BytebaseSandbox.start(SandboxOptions.defaults().withIdleConnectionClose(IDLE, IdleClose.WHEN_USED))) {
            SandboxHttp http = new SandboxHttp(sandbox).login();
            Thread.sleep(IDLE.multipliedBy(2).toMillis());

            assertThatThrownBy(() -> http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;")))
                    .hasCauseInstanceOf(IOException.class)
                    .hasStackTraceContaining("header parser received no bytes");

            assertThat(http.get(RELEASES).json().has("releases"))
                    .as("the request never reached the API")
                    .isFalse();
        }
    }

    @Test
    void shouldResetTheNextRequestOnAnIdleConnection() throws InterruptedException {
        try (BytebaseSandbox sandbox = BytebaseSandbox.start(
                SandboxOptions.defaults().withIdleConnectionClose(IDLE, IdleClose.RESET_WHEN_USED))) {
            SandboxHttp http = new SandboxHttp(sandbox).login();
            Thread.sleep(IDLE.multipliedBy(2).toMillis());

            assertThatThrownBy(() -> http.post(RELEASES, SandboxHttp.release("a.sql", "1", "SELECT 1;")))
                    .hasCauseInstanceOf(IOException.class)
                    .hasStackTraceContaining("Connection reset");
            assertThat(http.get(RELEASES).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldCloseIdleConnectionsWhenTheTimeIsUp() throws InterruptedException {
        try (BytebaseSandbox sandbox =
                BytebaseSandbox.start(SandboxOptions.defaults().withIdleConnectionClose(IDLE, IdleClose.AT_TIMEOUT))) {
            SandboxHttp http = new SandboxHttp(sandbox).login();
            http.get(RELEASES);
            Thread.sleep(IDLE.multipliedBy(3).toMillis());
            http.get(RELEASES);

            List<Integer> ports =
                    sandbox.requests().stream().map(RecordedRequest::clientPort).toList();
            assertThat(ports.get(1)).as("kept alive while busy").isEqualTo(ports.get(0));
            assertThat(ports.get(2)).as("a new connection after the idle close").isNotEqualTo(ports.get(1));
        }
    }
}
