package io.jenkins.plugins.bytebase.cli.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubPullRequestCommentTest {

    private static final String TOKEN = "ghs_comment_test_token_1234";

    private FakeGitHub github;

    @BeforeEach
    void start() throws Exception {
        github = FakeGitHub.start(2);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private String upsert(String markdown) {
        return new GitHubPullRequestComment(
                        VcsHttp.direct(Duration.ofSeconds(5)), github.url() + "/", FakeGitHub.REPOSITORY, TOKEN)
                .upsert(FakeGitHub.PULL_REQUEST, markdown);
    }

    @Test
    void shouldCreateTheCommentOnceThenUpdateIt() {
        String first = upsert("## SQL Review Summary\n\nfirst run\n");
        String second = upsert("## SQL Review Summary\n\nsecond run\n");

        assertThat(github.comments()).singleElement().satisfies(comment -> assertThat(comment.get("body"))
                .isEqualTo(GitHubPullRequestComment.MARKER + "\n## SQL Review Summary\n\nsecond run\n"));
        assertThat(github.host().calls())
                .containsExactly(
                        "GET " + FakeGitHub.COMMENTS,
                        "POST " + FakeGitHub.COMMENTS,
                        "GET " + FakeGitHub.COMMENTS,
                        "PATCH /repos/acme/hr-db/issues/comments/1001");
        assertThat(first).startsWith("Commented the SQL review on pull request #7: https://github.com/");
        assertThat(second).startsWith("Updated the SQL review comment on pull request #7");
        FakeCodeHost.Request post = github.host().requests("POST").get(0);
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(post.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(post.header("Accept")).isEqualTo("application/vnd.github+json");
    }

    @Test
    void shouldFindItsCommentOnALaterPage() {
        github.withComment("octocat", "User", "LGTM")
                .withComment("octocat", "User", "one more thing")
                .withComment("github-actions[bot]", "Bot", GitHubPullRequestComment.MARKER + "\nold summary");

        upsert("new summary");

        assertThat(github.host().requests("GET")).hasSize(2);
        assertThat(github.host().requests("GET").get(1).uri().getQuery()).contains("page=2");
        assertThat(github.host().requests("PATCH")).hasSize(1);
        assertThat(github.host().requests("POST")).isEmpty();
    }

    @Test
    void shouldNotTakeOverAPersonsCommentQuotingTheMarker() {
        github.withComment("mallory", "User", GitHubPullRequestComment.MARKER + "\nnot from the pipeline");

        upsert("summary");

        assertThat(github.host().requests("PATCH")).isEmpty();
        assertThat(github.comments()).hasSize(2);
    }

    @Test
    void shouldCutASummaryLongerThanGitHubAllows() {
        String body = GitHubPullRequestComment.body("| row |\n".repeat(20_000));

        assertThat(body.length()).isLessThanOrEqualTo(GitHubPullRequestComment.MAX_LENGTH);
        assertThat(body).startsWith(GitHubPullRequestComment.MARKER).contains("cut at GitHub's comment limit");
        assertThat(GitHubPullRequestComment.body("short")).isEqualTo(GitHubPullRequestComment.MARKER + "\nshort");
    }

    @Test
    void shouldNameTheFailedCallWithoutItsToken() {
        github.host().on("GET", FakeGitHub.COMMENTS, 403, Map.of("message", "Resource not accessible by integration"));

        assertThatThrownBy(() -> upsert("summary"))
                .isInstanceOf(VcsCallException.class)
                .hasMessageContaining("Reading the pull request's comments failed")
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("Resource not accessible by integration")
                .hasMessageNotContaining(TOKEN);
        assertThat(github.host().requests("POST")).isEmpty();
    }
}
