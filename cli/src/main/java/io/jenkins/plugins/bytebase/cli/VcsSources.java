package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;

/**
 * The commit a release is built from, read from the CI system's own variables as {@code bytebase-action} does, so
 * that Bytebase links the release to it. Nothing is sent when a variable is missing or the CI system has no VCS type
 * in Bytebase (Jenkins, a shell).
 */
final class VcsSources {

    private VcsSources() {}

    static VcsSource detect(Platform platform, CliEnvironment environment) {
        return switch (platform) {
            case GITHUB -> source(
                    VcsType.GITHUB,
                    environment,
                    "GITHUB_SERVER_URL",
                    "/",
                    "GITHUB_REPOSITORY",
                    "/commit/",
                    "GITHUB_SHA");
            case GITLAB -> source(VcsType.GITLAB, environment, "CI_PROJECT_URL", "/-/commit/", "CI_COMMIT_SHA");
            case BITBUCKET -> source(
                    VcsType.BITBUCKET, environment, "BITBUCKET_GIT_HTTP_ORIGIN", "/commits/", "BITBUCKET_COMMIT");
            case AZURE -> source(
                    VcsType.AZURE_DEVOPS,
                    environment,
                    "SYSTEM_COLLECTIONURI",
                    "",
                    "SYSTEM_TEAMPROJECT",
                    "/_git/",
                    "BUILD_REPOSITORY_NAME",
                    "/commit/",
                    "BUILD_SOURCEVERSION");
            default -> null;
        };
    }

    /** Variables at even positions, literal separators at odd ones; {@code null} when a variable is unset. */
    private static VcsSource source(VcsType type, CliEnvironment environment, String... parts) {
        StringBuilder url = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) {
                url.append(parts[i]);
                continue;
            }
            String value = environment.variable(parts[i]);
            if (value == null) {
                return null;
            }
            url.append(value);
        }
        return new VcsSource(type, url.toString());
    }
}
