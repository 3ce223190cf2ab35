package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RolloutFlowITest {

    @RegisterExtension
    static final BytebaseSandboxExtension EXTENSION =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofMillis(30)));

    private static final String PROJECT = "/v1/" + BytebaseSandbox.PROJECT;

    @Test
    void shouldRollOutStageByStageAndRecordAppliedVersions(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = createPlan(http, "CREATE TABLE t1 (id INT PRIMARY KEY);", "INSERT INTO t1 VALUES (1);");

        JsonNode rollout = http.post("/v1/" + plan + "/rollout", "{}").json();
        assertThat(rollout.get("name").asText()).isEqualTo(plan + "/rollout");
        List<String> stageIds = new ArrayList<>();
        rollout.get("stages").forEach(stage -> stageIds.add(stage.get("id").asText()));
        assertThat(stageIds).containsExactly("test", "prod");
        JsonNode testTask = rollout.at("/stages/0/tasks/0");
        assertThat(testTask.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(testTask.get("type").asText()).isEqualTo("DATABASE_MIGRATE");
        assertThat(testTask.get("target").asText()).isEqualTo(BytebaseSandbox.TEST_DATABASE);
        assertThat(testTask.get("name").asText()).startsWith(plan + "/rollout/stages/test/tasks/");

        runStage(http, rollout.at("/stages/0"));
        List<String> seen = awaitStatus(http, plan, 0, "DONE");
        assertThat(seen).last().isEqualTo("DONE");
        assertThat(List.of("PENDING", "RUNNING", "DONE")).containsSubsequence(seen);
        assertThat(sandbox.appliedVersions(BytebaseSandbox.TEST_DATABASE)).containsExactly("1.0.0", "1.1.0");
        assertThat(sandbox.appliedVersions(BytebaseSandbox.PROD_DATABASE)).isEmpty();
        assertThat(statusOf(http, plan, 1)).isEqualTo("NOT_STARTED");

        JsonNode runs =
                http.get("/v1/" + plan + "/rollout/stages/-/tasks/-/taskRuns").json();
        assertThat(runs.at("/taskRuns/0/status").asText()).isEqualTo("DONE");
        assertThat(runs.at("/taskRuns/0/name").asText())
                .startsWith(testTask.get("name").asText() + "/taskRuns/");
    }

    @Test
    void shouldApplyNothingWhenTheVersionsAreAlreadyApplied(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String first = createPlan(http, "CREATE TABLE t1 (id INT PRIMARY KEY);", "SELECT 1;");
        runStage(
                http,
                http.post("/v1/" + first + "/rollout", "{\"target\":\"environments/test\"}")
                        .json()
                        .at("/stages/0"));
        awaitStatus(http, first, 0, "DONE");

        String second = createPlan(http, "CREATE TABLE t1 (id INT PRIMARY KEY);", "SELECT 1;");
        runStage(http, http.post("/v1/" + second + "/rollout", "{}").json().at("/stages/0"));
        awaitStatus(http, second, 0, "DONE");

        JsonNode runs = http.get("/v1/" + second + "/rollout/stages/test/tasks/-/taskRuns")
                .json();
        assertThat(runs.at("/taskRuns/0/detail").asText()).contains("already applied");
        assertThat(sandbox.appliedVersions(BytebaseSandbox.TEST_DATABASE)).containsExactly("1.0.0", "1.1.0");
    }

    @Test
    void shouldSkipAppliedFilesInTheCheckAndWarnWhenOneWasModified(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = createPlan(http, "CREATE TABLE t1 (id INT PRIMARY KEY);", "SELECT 1;");
        runStage(http, http.post("/v1/" + plan + "/rollout", "{}").json().at("/stages/0"));
        awaitStatus(http, plan, 0, "DONE");

        JsonNode unchanged = check(http, "CREATE TABLE t1 (id INT PRIMARY KEY);");
        assertThat(unchanged.get("results")).hasSize(1);
        assertThat(unchanged.at("/results/0/target").asText()).isEqualTo(BytebaseSandbox.PROD_DATABASE);

        JsonNode modified = check(http, "CREATE TABLE t1 (id BIGINT PRIMARY KEY);");
        assertThat(modified.get("results")).hasSize(2);
        JsonNode onTest = modified.at("/results/0");
        assertThat(onTest.get("target").asText()).isEqualTo(BytebaseSandbox.TEST_DATABASE);
        assertThat(onTest.get("advices")).hasSize(1);
        assertThat(onTest.at("/advices/0/status").asText()).isEqualTo("WARNING");
        assertThat(onTest.at("/advices/0/title").asText()).isEqualTo("Applied file has been modified");
    }

    @Test
    void shouldReviewDeclarativeFilesAndWarnWhenANewerVersionIsApplied(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String plan = createPlan(http, "CREATE TABLE t1 (id INT PRIMARY KEY);", "SELECT 1;");
        runStage(http, http.post("/v1/" + plan + "/rollout", "{}").json().at("/stages/0"));
        awaitStatus(http, plan, 0, "DONE");

        var release =
                SandboxHttp.release("schema/*.sql", "1.0.5", "CREATE TABLE public.t2 (id INT PRIMARY KEY, v TEXT);");
        release.put("type", "DECLARATIVE");
        JsonNode response = http.post(
                        PROJECT + "/releases:check", SandboxHttp.checkRequest(release, BytebaseSandbox.TEST_DATABASE))
                .json();
        assertThat(response.at("/results/0/advices"))
                .extracting(advice ->
                        advice.get("code") == null ? 0 : advice.get("code").asInt())
                .containsExactly(0, 402);
    }

    private static JsonNode check(SandboxHttp http, String first) {
        SandboxHttp.Reply reply = http.post(
                PROJECT + "/releases:check",
                SandboxHttp.checkRequest(
                        SandboxHttp.release("m/1.0.0_a.sql", "1.0.0", first),
                        BytebaseSandbox.TEST_DATABASE,
                        BytebaseSandbox.PROD_DATABASE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static String createPlan(SandboxHttp http, String first, String second) {
        JsonNode release = http.post(
                        PROJECT + "/releases",
                        SandboxHttp.release("m/1.0.0_a.sql", "1.0.0", first, "m/1.1.0_b.sql", "1.1.0", second))
                .json();
        String releaseName = release.get("name").asText();
        SandboxHttp.Reply plan = http.post(
                PROJECT + "/plans",
                SandboxHttp.plan("deploy", releaseName, BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        return plan.json().get("name").asText();
    }

    static void runStage(SandboxHttp http, JsonNode stage) {
        List<String> tasks = new ArrayList<>();
        stage.get("tasks").forEach(task -> tasks.add(task.get("name").asText()));
        var body = SandboxHttp.MAPPER.createObjectNode();
        tasks.forEach(body.putArray("tasks")::add);
        SandboxHttp.Reply reply = http.post("/v1/" + stage.get("name").asText() + "/tasks:batchRun", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
    }

    static String statusOf(SandboxHttp http, String plan, int stage) {
        return http.get("/v1/" + plan + "/rollout")
                .json()
                .at("/stages/" + stage + "/tasks/0/status")
                .asText();
    }

    /** Polls until the stage's first task has the status; returns the distinct statuses seen, in order. */
    static List<String> awaitStatus(SandboxHttp http, String plan, int stage, String expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> seen = new ArrayList<>();
        String status = statusOf(http, plan, stage);
        while (true) {
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (status.equals(expected) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(5);
            status = statusOf(http, plan, stage);
        }
        assertThat(status).isEqualTo(expected);
        return seen;
    }
}
