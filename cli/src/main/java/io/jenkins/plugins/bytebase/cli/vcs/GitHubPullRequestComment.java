package io.jenkins.plugins.bytebase.cli.vcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One comment on a GitHub pull request holding the review's summary, updated in place on each run. The comment is
 * found by the marker it starts with, the one {@code bytebase-action} uses, among comments written by a bot account
 * (the GitHub Actions app behind {@code GITHUB_TOKEN}, or another app): a person's comment quoting the marker is
 * never taken over.
 */
public final class GitHubPullRequestComment {

    /** What the comment starts with, so that the next run finds it. */
    public static final String MARKER = "<!--BYTEBASE_MARKER-DO_NOT_EDIT-->";

    /** GitHub's limit of characters in a comment. */
    static final int MAX_LENGTH = 65536;

    /** Comments read at most, in pages of 100: a pull request with more is not worth more requests. */
    private static final int MAX_PAGES = 30;

    private static final Pattern NEXT_PAGE = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final VcsHttp http;
    private final String api;
    private final String repository;
    private final Map<String, String> headers;

    /**
     * @param api {@code $GITHUB_API_URL}, e.g. {@code https://api.github.com}
     * @param repository {@code owner/name}
     * @param token a token allowed to write pull-request comments
     */
    public GitHubPullRequestComment(VcsHttp http, String api, String repository, String token) {
        this.http = http;
        this.api = Paths.base(api);
        this.repository = repository;
        this.headers = Map.of(
                "Authorization", "Bearer " + token,
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28",
                "User-Agent", "bytebase-gitops");
    }

    /**
     * Creates the comment, or updates the one an earlier run created.
     *
     * @return one line saying which comment was written
     * @throws VcsCallException when GitHub refuses or cannot be reached
     */
    public String upsert(int pullRequest, String markdown) {
        String body = body(markdown);
        long existing = find(pullRequest);
        if (existing != 0) {
            JsonNode updated = http.send(
                            "PATCH",
                            URI.create(api + "/repos/" + repository + "/issues/comments/" + existing),
                            headers,
                            Map.of("body", body))
                    .requireOk("Updating the pull request comment")
                    .json();
            return "Updated the SQL review comment on pull request #" + pullRequest + link(updated);
        }
        JsonNode created = http.send("POST", comments(pullRequest), headers, Map.of("body", body))
                .requireOk("Commenting on the pull request")
                .json();
        return "Commented the SQL review on pull request #" + pullRequest + link(created);
    }

    /** The marker, then the summary, cut to GitHub's limit with a line saying so. */
    static String body(String markdown) {
        String body = MARKER + "\n" + markdown;
        if (body.length() <= MAX_LENGTH) {
            return body;
        }
        String note = "\n\n… cut at GitHub's comment limit; the job's summary and the --markdown file have it all.\n";
        String kept = body.substring(0, MAX_LENGTH - note.length());
        int lastLine = kept.lastIndexOf('\n');
        return (lastLine > MARKER.length() ? kept.substring(0, lastLine) : kept) + note;
    }

    private long find(int pullRequest) {
        URI page = URI.create(comments(pullRequest) + "?per_page=100");
        for (int read = 0; page != null && read < MAX_PAGES; read++) {
            VcsHttp.Answer answer =
                    http.send("GET", page, headers, null).requireOk("Reading the pull request's comments");
            for (JsonNode comment : answer.json()) {
                JsonNode user = comment.path("user");
                if (comment.path("body").asText("").startsWith(MARKER)
                        && BotAccounts.gitHub(
                                user.path("type").asText(""), user.path("login").asText(""))) {
                    return comment.path("id").asLong(0);
                }
            }
            page = answer.link().map(GitHubPullRequestComment::next).orElse(null);
        }
        return 0;
    }

    private URI comments(int pullRequest) {
        return URI.create(api + "/repos/" + repository + "/issues/" + pullRequest + "/comments");
    }

    private static URI next(String link) {
        Matcher matcher = NEXT_PAGE.matcher(link);
        return matcher.find() ? URI.create(matcher.group(1)) : null;
    }

    private static String link(JsonNode comment) {
        String url = comment.path("html_url").asText("");
        return url.isEmpty() ? "" : ": " + url;
    }
}
