package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RolloutITest {

    @RegisterExtension
    static final BytebaseSandboxExtension EXTENSION =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(40)));

    private static final String PROJECT = "/v1/" + BytebaseSandbox.PROJECT;

    @Test
    void shouldCreateOnlyTheTargetStageThenAddTheMissingOnes(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = RolloutFlowITest.createPlan(http, "SELECT 1;", "SELECT 2;");

        JsonNode none =
                http.post("/v1/" + plan + "/rollout", "{\"target\":\"\"}").json();
        assertThat(none.has("stages")).isFalse();
        JsonNode prodOnly = http.post("/v1/" + plan + "/rollout", "{\"target\":\"environments/prod\"}")
                .json();
        assertThat(prodOnly.get("stages")).hasSize(1);
        assertThat(prodOnly.at("/stages/0/environment").asText()).isEqualTo(BytebaseSandbox.PROD_ENVIRONMENT);
        String prodTask = prodOnly.at("/stages/0/tasks/0/name").asText();

        JsonNode all = http.post("/v1/" + plan + "/rollout", "{}").json();
        assertThat(all.get("stages"))
                .extracting(stage -> stage.get("id").asText())
                .containsExactly("test", "prod");
        assertThat(all.at("/stages/1/tasks/0/name").asText()).isEqualTo(prodTask);
        assertThat(all.at("/stages/1/tasks")).hasSize(1);
        assertThat(http.post("/v1/" + plan + "/rollout", "{}").json()).isEqualTo(all);

        JsonNode planView = http.get("/v1/" + plan).json();
        assertThat(planView.get("hasRollout").asBoolean()).isTrue();
        assertThat(planView.at("/rolloutStageSummaries/0/taskStatusCounts/0/status")
                        .asText())
                .isEqualTo("NOT_STARTED");
    }

    @Test
    void shouldFailATaskWhoseStatementHoldsTheMarker(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = RolloutFlowITest.createPlan(
                http, "CREATE TABLE t1 (id INT PRIMARY KEY);", BytebaseSandbox.FAIL_MARKER + "\nSELECT 1;");
        JsonNode rollout = http.post("/v1/" + plan + "/rollout", "{}").json();
        RolloutFlowITest.runStage(http, rollout.at("/stages/0"));
        RolloutFlowITest.awaitStatus(http, plan, 0, "FAILED");

        JsonNode run = http.get("/v1/" + plan + "/rollout/stages/test/tasks/-/taskRuns")
                .json()
                .at("/taskRuns/0");
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("detail").asText()).contains("1.1.0").contains(BytebaseSandbox.FAIL_MARKER);
        assertThat(sandbox.appliedVersions(BytebaseSandbox.TEST_DATABASE)).containsExactly("1.0.0");

        RolloutFlowITest.runStage(http, rollout.at("/stages/0"));
        assertThat(http.get("/v1/" + plan + "/rollout/stages/test/tasks/-/taskRuns")
                        .json()
                        .get("taskRuns"))
                .hasSize(2);
    }

    @Test
    void shouldCancelAPendingRun(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = RolloutFlowITest.createPlan(http, "SELECT 1;", "SELECT 2;");
        JsonNode stage = http.post("/v1/" + plan + "/rollout", "{}").json().at("/stages/0");
        runLater(http, stage);
        String runName = http.get("/v1/" + plan + "/rollout/stages/-/tasks/-/taskRuns")
                .json()
                .at("/taskRuns/0/name")
                .asText();

        ObjectNode body = SandboxHttp.MAPPER.createObjectNode();
        body.putArray("taskRuns").add(runName);
        SandboxHttp.Reply cancel =
                http.post("/v1/" + stage.get("name").asText() + "/tasks/-/taskRuns:batchCancel", body);

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(RolloutFlowITest.statusOf(http, plan, 0)).isEqualTo("CANCELED");
        assertThat(http.get("/v1/" + plan + "/rollout/stages/test/tasks/-/taskRuns")
                        .json()
                        .at("/taskRuns/0/status")
                        .asText())
                .isEqualTo("CANCELED");
        assertThat(sandbox.appliedVersions(BytebaseSandbox.TEST_DATABASE)).isEmpty();
        assertThat(http.post("/v1/" + stage.get("name").asText() + "/tasks/-/taskRuns:batchCancel", body)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldRefuseToRunTasksThatCannotRun(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = RolloutFlowITest.createPlan(http, "SELECT 1;", "SELECT 2;");
        JsonNode rollout = http.post("/v1/" + plan + "/rollout", "{}").json();
        String testStage = rollout.at("/stages/0/name").asText();

        SandboxHttp.Reply empty = http.post("/v1/" + testStage + "/tasks:batchRun", "{\"tasks\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).isEqualTo("No tasks to run in the stage");

        ObjectNode wrongStage = SandboxHttp.MAPPER.createObjectNode();
        wrongStage.putArray("tasks").add(rollout.at("/stages/1/tasks/0/name").asText());
        assertThat(http.post("/v1/" + testStage + "/tasks:batchRun", wrongStage).status())
                .isEqualTo(400);

        runLater(http, rollout.at("/stages/0"));
        ObjectNode again = SandboxHttp.MAPPER.createObjectNode();
        again.putArray("tasks").add(rollout.at("/stages/0/tasks/0/name").asText());
        SandboxHttp.Reply running = http.post("/v1/" + testStage + "/tasks:batchRun", again);
        assertThat(running.status()).isEqualTo(400);
        assertThat(running.json().get("message").asText()).contains("PENDING");
    }

    /** Runs the stage's first task with a run time an hour ahead, so that it stays PENDING. */
    private static void runLater(SandboxHttp http, JsonNode stage) {
        ObjectNode body = SandboxHttp.MAPPER.createObjectNode();
        body.putArray("tasks").add(stage.at("/tasks/0/name").asText());
        body.put("runTime", java.time.Instant.now().plus(Duration.ofHours(1)).toString());
        SandboxHttp.Reply reply = http.post("/v1/" + stage.get("name").asText() + "/tasks:batchRun", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void shouldAnswerNotFoundForUnknownPlansAndRollouts(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        assertThat(http.get(PROJECT + "/plans/999").status()).isEqualTo(404);
        assertThat(http.post(PROJECT + "/plans/999/rollout", "{}").status()).isEqualTo(404);
        String plan = RolloutFlowITest.createPlan(http, "SELECT 1;", "SELECT 2;");
        assertThat(http.get("/v1/" + plan + "/rollout").status()).isEqualTo(404);
        assertThat(http.post("/v1/" + plan + "/rollout", "{\"target\":\"environments/staging\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldLimitPlanTitlesAndRequireAnExistingRelease(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        SandboxHttp.Reply longTitle = http.post(
                PROJECT + "/plans",
                SandboxHttp.plan(
                        "x".repeat(201), BytebaseSandbox.PROJECT + "/releases/r", BytebaseSandbox.TEST_DATABASE));
        assertThat(longTitle.status()).isEqualTo(400);
        SandboxHttp.Reply missing = http.post(
                PROJECT + "/plans",
                SandboxHttp.plan("t", BytebaseSandbox.PROJECT + "/releases/r", BytebaseSandbox.TEST_DATABASE));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).contains("releases/r");
    }
}
