package io.jenkins.plugins.bytebase;

import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Neither the service account's secret nor an access token is written to the console or any build file. */
@WithJenkins
class SecretsITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private static final String REVIEW_AND_ROLLOUT = "node {\n"
            + writeMigration(NULLABLE_SQL)
            + "  def review = bytebaseReview project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE)
            + ", filePattern: 'migrations/*.sql', markdownFile: 'review.md'\n"
            + "  echo \"review map: ${review}\"\n"
            + "  def rollout = bytebaseRollout project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE)
            + ", filePattern: 'migrations/*.sql', targetStage: 'environments/test', outputFile: 'rollout.json'\n"
            + "  echo \"rollout map: ${rollout}\"\n"
            + "}\n";

    @Test
    void shouldKeepTheServiceAccountSecretOutOfTheBuild(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.useSandbox(sandbox);
        WorkflowJob job = Fixtures.pipeline(j, REVIEW_AND_ROLLOUT);

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
        assertNowhere(sandbox.serviceAccountSecret(), j, job, build);
    }

    @Test
    void shouldKeepAnAccessTokenOutOfTheBuild(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        String token = login(sandbox);
        Fixtures.addSecretText("bytebase-token", token);
        Fixtures.configureServer(sandbox.url().toString(), "bytebase-token");
        WorkflowJob job = Fixtures.pipeline(j, REVIEW_AND_ROLLOUT);

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
        assertNowhere(token, j, job, build);
    }

    private static void assertNowhere(String secret, JenkinsRule j, WorkflowJob job, WorkflowRun build)
            throws Exception {
        assertThat(secret).hasSizeGreaterThan(8);
        assertThat(JenkinsRule.getLog(build)).contains("review map:").doesNotContain(secret);
        List<Path> files = files(build.getRootDir().toPath());
        assertThat(files).as("build files").isNotEmpty();
        for (Path file : files(job.getRootDir().toPath())) {
            assertThat(read(file)).as("%s", file).doesNotContain(secret);
        }
        for (Path file : files(Path.of(j.jenkins.getWorkspaceFor(job).getRemote()))) {
            assertThat(read(file)).as("%s", file).doesNotContain(secret);
        }
    }

    /** Every regular file under a directory (a build's directory, its job's, the workspace). */
    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** Bytes as Latin-1 so that any byte sequence reads and a plain-text secret is found in binary files too. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /** A token as a workload identity would give one: logs in to the sandbox directly. */
    private static String login(BytebaseSandbox sandbox) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String body = json.writeValueAsString(
                Map.of("email", BytebaseSandbox.SERVICE_ACCOUNT, "password", sandbox.serviceAccountSecret()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).path("token").asText();
    }
}
