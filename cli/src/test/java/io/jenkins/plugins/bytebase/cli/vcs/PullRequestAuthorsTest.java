package io.jenkins.plugins.bytebase.cli.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull request's author per CI system, from a fake of each API that records what was asked. */
class PullRequestAuthorsTest {

    @TempDir
    Path workspace;

    private FakeCodeHost host;
    private final Map<String, String> variables = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        host = FakeCodeHost.start();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private PullRequestAuthors authors() {
        InetSocketAddress proxy = new InetSocketAddress(
                "127.0.0.1", Integer.parseInt(host.address().split(":")[1]));
        return new PullRequestAuthors(
                variables::get,
                VcsHttp.direct(Duration.ofSeconds(5)),
                VcsHttp.through(proxy, Duration.ofSeconds(5)),
                notes::add);
    }

    private void gitHubEvent(String name, String payload) throws IOException {
        Path event = Files.writeString(workspace.resolve("event.json"), payload);
        variables.put("GITHUB_EVENT_NAME", name);
        variables.put("GITHUB_EVENT_PATH", event.toString());
    }

    @Test
    void shouldReadTheGitHubAuthorFromTheEvent() throws IOException {
        gitHubEvent(
                "pull_request",
                "{\"number\":7,\"pull_request\":{\"number\":7,\"user\":{\"id\":583231,\"login\":\"octocat\","
                        + "\"type\":\"User\"}}}");

        assertThat(authors().gitHub()).isEqualTo(new VcsUser(VcsType.GITHUB, "583231", "octocat", ""));
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void shouldLeaveGitHubBotsAndPushesOut() throws IOException {
        gitHubEvent(
                "pull_request_target",
                "{\"number\":8,\"pull_request\":{\"user\":{\"id\":49699333,\"login\":\"dependabot[bot]\","
                        + "\"type\":\"Bot\"}}}");
        assertThat(authors().gitHub()).isNull();

        gitHubEvent("push", "{\"pusher\":{\"name\":\"octocat\"}}");
        assertThat(authors().gitHub()).isNull();
    }

    @Test
    void shouldAskGitLabForTheMergeRequestsAuthorWithTheJobToken() {
        host.on(
                "GET",
                "/api/v4/projects/42/merge_requests/7",
                200,
                Map.of("iid", 7, "author", Map.of("id", 1234, "username", "jdoe", "name", "Jane Doe")));
        gitLabMergeRequest();

        assertThat(authors().gitLab()).isEqualTo(new VcsUser(VcsType.GITLAB, "1234", "jdoe", "Jane Doe"));
        assertThat(host.requests()).singleElement().satisfies(request -> {
            assertThat(request.header("JOB-TOKEN")).isEqualTo("glcbt-job-token");
            assertThat(request.header("Authorization")).isNull();
        });
    }

    @Test
    void shouldLeaveGitLabTokenUsersOut() {
        host.on(
                "GET",
                "/api/v4/projects/42/merge_requests/7",
                200,
                Map.of("author", Map.of("id", 99, "username", "project_42_bot_5f3a9c", "name", "Deploy")));
        gitLabMergeRequest();

        assertThat(authors().gitLab()).isNull();
    }

    @Test
    void shouldNotCallGitLabOutsideAMergeRequest() {
        variables.put("CI_API_V4_URL", host.url() + "/api/v4");
        variables.put("CI_JOB_TOKEN", "glcbt-job-token");

        assertThat(authors().gitLab()).isNull();
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void shouldSayWhyGitLabRefused() {
        host.on("GET", "/api/v4/projects/42/merge_requests/7", 401, Map.of("message", "401 Unauthorized"));
        gitLabMergeRequest();

        assertThatThrownBy(() -> authors().gitLab())
                .isInstanceOf(VcsCallException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("glcbt-job-token");
    }

    @Test
    void shouldAskBitbucketThroughTheProxy() {
        host.on(
                "GET",
                "/2.0/repositories/acme/hr-db/pullrequests/5",
                200,
                Map.of(
                        "author",
                        Map.of(
                                "type", "user",
                                "uuid", "{d301aafa-d676-4ee0-88be-962be7417567}",
                                "nickname", "jdoe",
                                "display_name", "Jane Doe")));
        variables.put("BITBUCKET_PR_ID", "5");
        variables.put("BITBUCKET_REPO_FULL_NAME", "acme/hr-db");

        assertThat(authors().bitbucket())
                .isEqualTo(new VcsUser(VcsType.BITBUCKET, "d301aafa-d676-4ee0-88be-962be7417567", "jdoe", "Jane Doe"));
        assertThat(host.requests().get(0).uri().toString())
                .isEqualTo("http://api.bitbucket.org/2.0/repositories/acme/hr-db/pullrequests/5");
    }

    @Test
    void shouldPreferTheBitbucketAccountIdAndLeaveAppsOut() {
        host.on(
                "GET",
                "/2.0/repositories/acme/hr-db/pullrequests/5",
                200,
                Map.of("author", Map.of("type", "user", "account_id", "557058:abc", "uuid", "{x}", "nickname", "j")));
        variables.put("BITBUCKET_PR_ID", "5");
        variables.put("BITBUCKET_WORKSPACE", "acme");
        variables.put("BITBUCKET_REPO_SLUG", "hr-db");
        assertThat(authors().bitbucket().userId()).isEqualTo("557058:abc");

        host.on(
                "GET",
                "/2.0/repositories/acme/hr-db/pullrequests/5",
                200,
                Map.of("author", Map.of("type", "app_user", "uuid", "{app}", "nickname", "renovate")));
        assertThat(authors().bitbucket()).isNull();
    }

    @Test
    void shouldNotCallBitbucketOutsideAPullRequest() {
        variables.put("BITBUCKET_REPO_FULL_NAME", "acme/hr-db");

        assertThat(authors().bitbucket()).isNull();
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void shouldAskAzureDevOpsWithTheJobsAccessToken() {
        host.on(
                "GET",
                "/acme/_apis/git/pullrequests/31",
                200,
                Map.of(
                        "createdBy",
                        Map.of(
                                "id", "6f2e3a1c-0000-4000-8000-000000000001",
                                "uniqueName", "jdoe@example.com",
                                "displayName", "Jane Doe",
                                "descriptor", "aad.NjA2")));
        azurePullRequest();
        variables.put("SYSTEM_ACCESSTOKEN", "azure-access-token");

        assertThat(authors().azureDevOps())
                .isEqualTo(new VcsUser(
                        VcsType.AZURE_DEVOPS, "6f2e3a1c-0000-4000-8000-000000000001", "jdoe@example.com", "Jane Doe"));
        FakeCodeHost.Request request = host.requests().get(0);
        assertThat(request.uri().getQuery()).isEqualTo("api-version=7.1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer azure-access-token");
    }

    @Test
    void shouldLeaveAzureServiceIdentitiesOut() {
        host.on(
                "GET",
                "/acme/_apis/git/pullrequests/31",
                200,
                Map.of("createdBy", Map.of("id", "svc-1", "uniqueName", "Build Service", "descriptor", "svc.abc")));
        azurePullRequest();
        variables.put("SYSTEM_ACCESSTOKEN", "azure-access-token");

        assertThat(authors().azureDevOps()).isNull();
    }

    @Test
    void shouldTellHowToSendTheAzureAuthorWithoutAnAccessToken() {
        azurePullRequest();

        assertThat(authors().azureDevOps()).isNull();
        assertThat(notes).singleElement().asString().contains("SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
        assertThat(host.requests()).isEmpty();
    }

    private void gitLabMergeRequest() {
        variables.put("CI_MERGE_REQUEST_PROJECT_ID", "42");
        variables.put("CI_MERGE_REQUEST_IID", "7");
        variables.put("CI_API_V4_URL", host.url() + "/api/v4");
        variables.put("CI_JOB_TOKEN", "glcbt-job-token");
    }

    private void azurePullRequest() {
        variables.put("SYSTEM_PULLREQUEST_PULLREQUESTID", "31");
        variables.put("SYSTEM_COLLECTIONURI", host.url() + "/acme/");
    }
}
