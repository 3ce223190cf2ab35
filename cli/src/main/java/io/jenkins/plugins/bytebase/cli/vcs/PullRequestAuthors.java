package io.jenkins.plugins.bytebase.cli.vcs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The author of the pull request a CI job runs for, read where each CI system tells it, as {@code bytebase-action}
 * reads it: GitHub's event payload; GitLab's, Bitbucket's and Azure DevOps' pull-request APIs with the job's own
 * credentials. Each method answers {@code null} outside pull requests, for bots, and when the CI system does not give
 * the job what the lookup needs.
 */
public final class PullRequestAuthors {

    private final Function<String, String> variables;
    private final VcsHttp direct;
    private final VcsHttp bitbucketProxy;
    private final Consumer<String> notes;

    /**
     * @param variables the environment ({@code null} for unset or blank)
     * @param direct for GitLab and Azure DevOps
     * @param bitbucketProxy for Bitbucket, through Pipelines' proxy
     * @param notes where to say why an author is not looked up when a pull request is there
     */
    public PullRequestAuthors(
            Function<String, String> variables, VcsHttp direct, VcsHttp bitbucketProxy, Consumer<String> notes) {
        this.variables = variables;
        this.direct = direct;
        this.bitbucketProxy = bitbucketProxy;
        this.notes = notes;
    }

    /** From the event payload; no request. */
    public VcsUser gitHub() {
        GitHubEvent event = GitHubEvent.read(variables);
        JsonNode user = event.pullRequest().path("user");
        long id = user.path("id").asLong(0);
        if (!event.isPullRequest() || id == 0 || BotAccounts.gitHub(text(user, "type"), text(user, "login"))) {
            return null;
        }
        return new VcsUser(VcsType.GITHUB, Long.toString(id), text(user, "login"), text(user, "name"));
    }

    /** {@code GET $CI_API_V4_URL/projects/:id/merge_requests/:iid} with the job token. */
    public VcsUser gitLab() {
        String project = variables.apply("CI_MERGE_REQUEST_PROJECT_ID");
        String iid = variables.apply("CI_MERGE_REQUEST_IID");
        String api = variables.apply("CI_API_V4_URL");
        String token = variables.apply("CI_JOB_TOKEN");
        if (project == null || iid == null || api == null || token == null) {
            return null;
        }
        URI uri = URI.create(
                Paths.base(api) + "/projects/" + Paths.segment(project) + "/merge_requests/" + Paths.segment(iid));
        JsonNode author = direct.send("GET", uri, Map.of("JOB-TOKEN", token), null)
                .requireOk("Reading the merge request's author")
                .json()
                .path("author");
        long id = author.path("id").asLong(0);
        if (id == 0 || BotAccounts.gitLab(text(author, "username"))) {
            return null;
        }
        return new VcsUser(VcsType.GITLAB, Long.toString(id), text(author, "username"), text(author, "name"));
    }

    /** {@code GET /2.0/repositories/:workspace/:slug/pullrequests/:id} through Pipelines' proxy. */
    public VcsUser bitbucket() {
        String id = variables.apply("BITBUCKET_PR_ID");
        BitbucketRepository repository = BitbucketRepository.of(variables);
        if (id == null || repository == null) {
            return null;
        }
        JsonNode author = bitbucketProxy
                .send("GET", repository.pullRequest(id), Map.of(), null)
                .requireOk("Reading the pull request's author")
                .json()
                .path("author");
        String userId = text(author, "account_id");
        if (userId.isEmpty()) {
            userId = text(author, "uuid").replace("{", "").replace("}", "");
        }
        if (userId.isEmpty() || BotAccounts.bitbucket(text(author, "type"), text(author, "nickname"))) {
            return null;
        }
        return new VcsUser(VcsType.BITBUCKET, userId, text(author, "nickname"), text(author, "display_name"));
    }

    /** {@code GET {collection}/_apis/git/pullrequests/:id} with the job's access token. */
    public VcsUser azureDevOps() {
        String id = variables.apply("SYSTEM_PULLREQUEST_PULLREQUESTID");
        String collection = variables.apply("SYSTEM_COLLECTIONURI");
        if (collection == null) {
            collection = variables.apply("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI");
        }
        if (id == null || collection == null) {
            return null;
        }
        String token = variables.apply("SYSTEM_ACCESSTOKEN");
        if (token == null) {
            notes.accept("The pull request's author is not sent to Bytebase: map SYSTEM_ACCESSTOKEN into the step's"
                    + " env (SYSTEM_ACCESSTOKEN: $(System.AccessToken)) to send it");
            return null;
        }
        URI uri = URI.create(
                Paths.base(collection) + "/_apis/git/pullrequests/" + Paths.segment(id) + "?api-version=7.1");
        JsonNode creator = direct.send("GET", uri, Map.of("Authorization", "Bearer " + token), null)
                .requireOk("Reading the pull request's author")
                .json()
                .path("createdBy");
        String userId = text(creator, "id");
        if (userId.isEmpty() || BotAccounts.azureDevOps(text(creator, "descriptor"), text(creator, "uniqueName"))) {
            return null;
        }
        return new VcsUser(VcsType.AZURE_DEVOPS, userId, text(creator, "uniqueName"), text(creator, "displayName"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
