package io.jenkins.plugins.bytebase.cli.vcs;

import java.net.URI;
import java.util.function.Function;

/**
 * The repository and commit of a Bitbucket Pipelines build, from its variables, and the API addresses that name them.
 * Pipelines reach the API through their authenticating proxy, so the addresses are plain {@code http}: the proxy
 * adds the credentials and speaks TLS to Bitbucket.
 */
public record BitbucketRepository(String workspace, String slug, String commit) {

    /** Bitbucket Cloud's API as Pipelines' proxy expects it. */
    public static final String API = "http://api.bitbucket.org/2.0";

    /** The build's repository, or {@code null} when its variables are missing. */
    public static BitbucketRepository of(Function<String, String> variables) {
        String workspace = firstSet(variables.apply("BITBUCKET_WORKSPACE"), variables.apply("BITBUCKET_REPO_OWNER"));
        String slug = variables.apply("BITBUCKET_REPO_SLUG");
        String fullName = variables.apply("BITBUCKET_REPO_FULL_NAME");
        if (fullName != null && fullName.indexOf('/') > 0) {
            workspace = fullName.substring(0, fullName.indexOf('/'));
            slug = fullName.substring(fullName.indexOf('/') + 1);
        }
        if (workspace == null || slug == null) {
            return null;
        }
        return new BitbucketRepository(workspace, slug, variables.apply("BITBUCKET_COMMIT"));
    }

    URI report(String reportId) {
        return URI.create(repository() + "/commit/" + Paths.segment(commit) + "/reports/" + Paths.segment(reportId));
    }

    URI annotations(String reportId) {
        return URI.create(report(reportId) + "/annotations");
    }

    URI pullRequest(String id) {
        return URI.create(repository() + "/pullrequests/" + Paths.segment(id));
    }

    private String repository() {
        return API + "/repositories/" + Paths.segment(workspace) + "/" + Paths.segment(slug);
    }

    private static String firstSet(String first, String second) {
        return first != null ? first : second;
    }
}
