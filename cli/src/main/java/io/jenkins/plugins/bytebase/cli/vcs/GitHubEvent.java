package io.jenkins.plugins.bytebase.cli.vcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The GitHub Actions event that started the job ({@code GITHUB_EVENT_NAME}, the payload at {@code GITHUB_EVENT_PATH}),
 * read for its pull request: the number to comment on and the author.
 *
 * @param number the pull request's number, 0 when the event is not a pull request's
 * @param pullRequest the payload's {@code pull_request} object, or a missing node
 */
public record GitHubEvent(String name, int number, JsonNode pullRequest) {

    /** The event, or one without a pull request when this is no pull-request event or its payload cannot be read. */
    public static GitHubEvent read(Function<String, String> variables) {
        String name = variables.apply("GITHUB_EVENT_NAME");
        String path = variables.apply("GITHUB_EVENT_PATH");
        if (!isPullRequestEvent(name) || path == null) {
            return new GitHubEvent(name, 0, VcsHttp.JSON.missingNode());
        }
        try {
            JsonNode payload = VcsHttp.JSON.readTree(Files.readString(Path.of(path)));
            JsonNode pullRequest = payload.path("pull_request");
            int number = payload.path("number").asInt(pullRequest.path("number").asInt(0));
            return new GitHubEvent(name, number, pullRequest);
        } catch (IOException | RuntimeException e) {
            throw new VcsCallException("The GitHub event payload " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code pull_request} and {@code pull_request_target} both carry the pull request. */
    static boolean isPullRequestEvent(String name) {
        return "pull_request".equals(name) || "pull_request_target".equals(name);
    }

    public boolean isPullRequest() {
        return number > 0;
    }
}
