package io.jenkins.plugins.bytebase.cli;

/** The CI system whose conventions the findings follow. */
enum Platform {
    AUTO,
    GITHUB,
    GITLAB,
    AZURE,
    BITBUCKET,
    LOCAL;

    /** {@code AUTO} becomes what the environment shows, checked in {@code bytebase-action}'s order. */
    Platform resolve(CliEnvironment environment) {
        if (this != AUTO) {
            return this;
        }
        if ("true".equals(environment.variable("GITHUB_ACTIONS"))) {
            return GITHUB;
        }
        if ("true".equals(environment.variable("GITLAB_CI"))) {
            return GITLAB;
        }
        if (environment.variable("BITBUCKET_BUILD_NUMBER") != null) {
            return BITBUCKET;
        }
        if (environment.variable("SYSTEM_TEAMFOUNDATIONSERVERURI") != null) {
            return AZURE;
        }
        return LOCAL;
    }
}
