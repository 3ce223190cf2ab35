package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.bytebase.cli.vcs.FakeCodeHost;
import io.jenkins.plugins.bytebase.cli.vcs.FakeGitHub;
import io.jenkins.plugins.bytebase.cli.vcs.GitHubPullRequestComment;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on each CI system's pull requests: the author sent with the check, the review put on the pull
 * request, and a warning, never another exit code, when the code host cannot be used. Bytebase is the sandbox; the
 * code hosts are fakes in the test that record each request.
 */
@ExtendWith(BytebaseSandboxExtension.class)
class CheckPullRequestITest {

    private static final String GITHUB_TOKEN = "ghs_pull_request_test_token_42";
    private static final String AZURE_TOKEN = "azure_pull_request_test_token_42";
    private static final String REPORT = "/2.0/repositories/acme/hr-db/commit/abc123/reports/bytebase";

    @TempDir
    Path workspace;

    private CliRunner cli(BytebaseSandbox sandbox) throws IOException {
        Workspaces.withExamples(workspace);
        return new CliRunner(workspace)
                .env("BYTEBASE_SERVICE_ACCOUNT", BytebaseSandbox.SERVICE_ACCOUNT)
                .env("BYTEBASE_SERVICE_ACCOUNT_SECRET", sandbox.serviceAccountSecret());
    }

    private static String[] check(BytebaseSandbox sandbox, String policy, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--url",
                sandbox.url().toString(),
                "--project",
                BytebaseSandbox.PROJECT,
                "--targets",
                BytebaseSandbox.TEST_DATABASE,
                "--file-pattern",
                "migrations/*.sql",
                "--check-release",
                policy,
                "--output",
                "check.json"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** What Bytebase received as the check's author, or a missing node. */
    private static JsonNode sentAuthor(BytebaseSandbox sandbox) throws IOException {
        String body = sandbox.requests().stream()
                .filter(request -> request.path().contains("releases:check"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .body();
        return new ObjectMapper().readTree(body).path("vcsUser");
    }

    private CliRunner gitHub(BytebaseSandbox sandbox, FakeGitHub github, String event) throws IOException {
        Path payload = Files.writeString(
                workspace.resolve("event.json"),
                "{\"number\":" + FakeGitHub.PULL_REQUEST + ",\"pull_request\":{\"user\":{\"id\":583231,"
                        + "\"login\":\"octocat\",\"type\":\"User\"}}}");
        return cli(sandbox)
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_EVENT_NAME", event)
                .env("GITHUB_EVENT_PATH", payload.toString())
                .env("GITHUB_TOKEN", GITHUB_TOKEN)
                .env("GITHUB_API_URL", github.url())
                .env("GITHUB_REPOSITORY", FakeGitHub.REPOSITORY);
    }

    @Test
    void shouldCommentOnTheGitHubPullRequestOnceAndSendItsAuthor(BytebaseSandbox sandbox) throws IOException {
        try (FakeGitHub github = FakeGitHub.start(100)) {
            CliRunner cli = gitHub(sandbox, github, "pull_request");

            CliRunner.Result first = cli.run(check(sandbox, "SKIP"));
            CliRunner.Result second = cli.run(check(sandbox, "SKIP"));

            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(github.comments()).singleElement().satisfies(comment -> assertThat((String) comment.get("body"))
                    .startsWith(GitHubPullRequestComment.MARKER + "\n## SQL Review Summary")
                    .contains("| 3 | Column \"name\" in public.t1 cannot have NULL value |"));
            assertThat(github.host().requests("POST")).hasSize(1);
            assertThat(github.host().requests("PATCH")).hasSize(1);
            assertThat(first.err()).contains("Pull request by octocat (GITHUB)", "Commented the SQL review");
            assertThat(second.err()).contains("Updated the SQL review comment on pull request #7");
            assertThat(second.out()).startsWith("::warning file=migrations/1.0.0_create_t1.sql,line=3,");
            assertThat(sentAuthor(sandbox).toString())
                    .isEqualTo("{\"vcsType\":\"GITHUB\",\"userId\":\"583231\",\"userName\":\"octocat\"}");
        }
    }

    @Test
    void shouldNeitherCommentNorSendAnAuthorOutsideAPullRequest(BytebaseSandbox sandbox) throws IOException {
        try (FakeGitHub github = FakeGitHub.start(100)) {
            CliRunner.Result result = gitHub(sandbox, github, "push").run(check(sandbox, "SKIP"));

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(github.host().requests()).isEmpty();
            assertThat(sentAuthor(sandbox).isMissingNode()).isTrue();
        }
    }

    @Test
    void shouldSayHowToGetTheCommentWithoutAToken(BytebaseSandbox sandbox) throws IOException {
        try (FakeGitHub github = FakeGitHub.start(100)) {
            CliRunner.Result result = gitHub(sandbox, github, "pull_request")
                    .env("GITHUB_TOKEN", "")
                    .run(check(sandbox, "SKIP"));

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.err()).contains("Note: no pull request comment without GITHUB_TOKEN");
            assertThat(github.host().requests()).isEmpty();
            assertThat(sentAuthor(sandbox).path("userName").asText()).isEqualTo("octocat");
        }
    }

    @Test
    void shouldWarnWhenGitHubRefusesTheCommentAndKeepTheExitCode(BytebaseSandbox sandbox) throws IOException {
        try (FakeGitHub github = FakeGitHub.start(100)) {
            // A server that quotes the credentials it refused: they must not reach the log.
            github.host().on("GET", FakeGitHub.COMMENTS, 401, Map.of("message", "Bad credentials " + GITHUB_TOKEN));
            CliRunner cli = gitHub(sandbox, github, "pull_request");

            CliRunner.Result failing = cli.run(check(sandbox, "FAIL_ON_WARNING"));
            CliRunner.Result passing = cli.run(check(sandbox, "SKIP"));

            assertThat(failing.exit()).isEqualTo(1);
            assertThat(passing.exit()).isZero();
            assertThat(failing.err())
                    .contains("Warning: the review is not on the pull request: Reading the pull request's comments"
                            + " failed")
                    .contains("HTTP 401", "Bad credentials ****")
                    .contains("SQL review: 1 warning, 0 errors: FAIL_ON_WARNING fails the check")
                    .doesNotContain("error: ");
            assertThat(failing.all() + passing.all()).doesNotContain(GITHUB_TOKEN);
            assertThat(new ObjectMapper()
                            .readTree(workspace.resolve("check.json").toFile())
                            .has("checkResults"))
                    .isTrue();
        }
    }

    private CliRunner bitbucket(BytebaseSandbox sandbox) throws IOException {
        return cli(sandbox)
                .env("BITBUCKET_BUILD_NUMBER", "12")
                .env("BITBUCKET_REPO_FULL_NAME", "acme/hr-db")
                .env("BITBUCKET_COMMIT", "abc123")
                .env("BITBUCKET_PR_ID", "5");
    }

    @Test
    void shouldPutTheReviewOnTheBitbucketCommitThroughTheProxy(BytebaseSandbox sandbox) throws IOException {
        try (FakeCodeHost proxy = FakeCodeHost.start()) {
            proxy.on(
                            "GET",
                            "/2.0/repositories/acme/hr-db/pullrequests/5",
                            200,
                            Map.of("author", Map.of("type", "user", "account_id", "557058:jd", "nickname", "jdoe")))
                    .on("DELETE", REPORT, 404, "")
                    .on("PUT", REPORT, 200, "{}")
                    .on("POST", REPORT + "/annotations", 200, "[]");

            CliRunner.Result result =
                    bitbucket(sandbox).run(check(sandbox, "FAIL_ON_WARNING", "--bitbucket-proxy", proxy.address()));

            assertThat(result.exit()).as(result.err()).isEqualTo(1);
            assertThat(result.out()).startsWith("migrations/1.0.0_create_t1.sql:3:");
            assertThat(proxy.calls())
                    .containsExactly(
                            "GET /2.0/repositories/acme/hr-db/pullrequests/5",
                            "DELETE " + REPORT,
                            "PUT " + REPORT,
                            "POST " + REPORT + "/annotations");
            JsonNode report = proxy.requests("PUT").get(0).json();
            assertThat(report.get("result").asText()).isEqualTo("FAILED");
            assertThat(report.get("link").asText()).isEqualTo(sandbox.url() + "/" + BytebaseSandbox.PROJECT);
            JsonNode annotation = proxy.requests("POST").get(0).json().get(0);
            assertThat(annotation.get("path").asText()).isEqualTo("migrations/1.0.0_create_t1.sql");
            assertThat(annotation.get("line").asInt()).isEqualTo(3);
            assertThat(annotation.get("summary").asText()).startsWith("402 COLUMN_NO_NULL: Column \"name\"");
            assertThat(annotation.get("link").asText()).endsWith("#402");
            assertThat(result.err()).contains("Bitbucket Code Insights report 'bytebase' on commit abc123: FAILED");
            assertThat(sentAuthor(sandbox).toString())
                    .isEqualTo("{\"vcsType\":\"BITBUCKET\",\"userId\":\"557058:jd\",\"userName\":\"jdoe\"}");
        }
    }

    @Test
    void shouldWarnWhenTheBitbucketProxyIsNotThereAndKeepTheExitCode(BytebaseSandbox sandbox) throws IOException {
        CliRunner.Result result =
                bitbucket(sandbox).run(check(sandbox, "SKIP", "--bitbucket-proxy", "127.0.0.1:" + closedPort()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err())
                .contains("Warning: the pull request's author is not sent to Bytebase: GET http://api.bitbucket.org/")
                .contains("Warning: the review is not on the pull request: DELETE http://api.bitbucket.org/")
                .contains("SQL review: 1 warning, 0 errors: SKIP lets the check pass");
        assertThat(sentAuthor(sandbox).isMissingNode()).isTrue();
        assertThat(workspace.resolve("check.json")).exists();
    }

    @Test
    void shouldSendTheGitLabAuthorAndWarnWhenItCannotBeRead(BytebaseSandbox sandbox) throws IOException {
        try (FakeCodeHost gitlab = FakeCodeHost.start()) {
            gitlab.on(
                    "GET",
                    "/api/v4/projects/42/merge_requests/7",
                    200,
                    Map.of("author", Map.of("id", 1234, "username", "jdoe", "name", "Jane Doe")));
            CliRunner cli = cli(sandbox)
                    .env("GITLAB_CI", "true")
                    .env("CI_MERGE_REQUEST_PROJECT_ID", "42")
                    .env("CI_MERGE_REQUEST_IID", "7")
                    .env("CI_API_V4_URL", gitlab.url() + "/api/v4")
                    .env("CI_JOB_TOKEN", "glcbt-job-token-for-test");

            CliRunner.Result found = cli.run(check(sandbox, "FAIL_ON_WARNING"));
            JsonNode author = sentAuthor(sandbox);
            gitlab.on("GET", "/api/v4/projects/42/merge_requests/7", 500, Map.of("message", "500 Internal Error"));
            CliRunner.Result failed = cli.run(check(sandbox, "FAIL_ON_WARNING"));

            assertThat(author.toString())
                    .isEqualTo("{\"vcsType\":\"GITLAB\",\"userId\":\"1234\",\"userName\":\"jdoe\","
                            + "\"displayName\":\"Jane Doe\"}");
            assertThat(found.exit()).isEqualTo(1);
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.err())
                    .contains("Warning: the pull request's author is not sent to Bytebase: Reading the merge"
                            + " request's author failed")
                    .contains("HTTP 500");
            assertThat(sentAuthor(sandbox).isMissingNode()).isTrue();
            assertThat(workspace.resolve("bytebase_codequality.json")).exists();
        }
    }

    @Test
    void shouldSendTheAzureDevOpsAuthorAndWarnWhenItCannotBeRead(BytebaseSandbox sandbox) throws IOException {
        try (FakeCodeHost azure = FakeCodeHost.start()) {
            azure.on(
                    "GET",
                    "/acme/_apis/git/pullrequests/31",
                    200,
                    Map.of(
                            "createdBy",
                            Map.of("id", "6f2e3a1c", "uniqueName", "jdoe@example.com", "descriptor", "aad.x")));
            CliRunner cli = cli(sandbox)
                    .env("SYSTEM_TEAMFOUNDATIONSERVERURI", azure.url() + "/acme/")
                    .env("SYSTEM_COLLECTIONURI", azure.url() + "/acme/")
                    .env("SYSTEM_PULLREQUEST_PULLREQUESTID", "31")
                    .env("SYSTEM_ACCESSTOKEN", AZURE_TOKEN);

            CliRunner.Result found = cli.run(check(sandbox, "SKIP"));
            JsonNode author = sentAuthor(sandbox);
            azure.on("GET", "/acme/_apis/git/pullrequests/31", 203, "<html>sign in " + AZURE_TOKEN + "</html>");
            CliRunner.Result failed = cli.run(check(sandbox, "SKIP"));

            assertThat(author.toString())
                    .isEqualTo("{\"vcsType\":\"AZURE_DEVOPS\",\"userId\":\"6f2e3a1c\","
                            + "\"userName\":\"jdoe@example.com\"}");
            assertThat(found.exit()).isZero();
            assertThat(failed.exit()).isZero();
            assertThat(failed.err()).contains("Warning: the pull request's author is not sent to Bytebase: GET");
            assertThat(found.all() + failed.all()).doesNotContain(AZURE_TOKEN);
            assertThat(failed.out()).startsWith("##vso[task.logissue type=warning;");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
