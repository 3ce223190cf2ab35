package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VcsSourcesTest {

    private static CliEnvironment environment(Map<String, String> variables) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new CliEnvironment(variables, nowhere, nowhere, Path.of("."), Clock.systemUTC(), false);
    }

    @Test
    void shouldLinkTheCommitOnEachCiSystemAsBytebaseActionDoes() {
        assertThat(VcsSources.detect(
                        Platform.GITHUB,
                        environment(Map.of(
                                "GITHUB_SERVER_URL", "https://github.com",
                                "GITHUB_REPOSITORY", "acme/hr",
                                "GITHUB_SHA", "abc123"))))
                .isEqualTo(new VcsSource(VcsType.GITHUB, "https://github.com/acme/hr/commit/abc123"));
        assertThat(VcsSources.detect(
                        Platform.GITLAB,
                        environment(Map.of(
                                "CI_PROJECT_URL", "https://gitlab.com/acme/hr",
                                "CI_COMMIT_SHA", "abc123"))))
                .isEqualTo(new VcsSource(VcsType.GITLAB, "https://gitlab.com/acme/hr/-/commit/abc123"));
        assertThat(VcsSources.detect(
                        Platform.BITBUCKET,
                        environment(Map.of(
                                "BITBUCKET_GIT_HTTP_ORIGIN", "http://bitbucket.org/acme/hr",
                                "BITBUCKET_COMMIT", "abc123"))))
                .isEqualTo(new VcsSource(VcsType.BITBUCKET, "http://bitbucket.org/acme/hr/commits/abc123"));
        assertThat(VcsSources.detect(
                        Platform.AZURE,
                        environment(Map.of(
                                "SYSTEM_COLLECTIONURI", "https://dev.azure.com/acme/",
                                "SYSTEM_TEAMPROJECT", "hr",
                                "BUILD_REPOSITORY_NAME", "hr-db",
                                "BUILD_SOURCEVERSION", "abc123"))))
                .isEqualTo(
                        new VcsSource(VcsType.AZURE_DEVOPS, "https://dev.azure.com/acme/hr/_git/hr-db/commit/abc123"));
    }

    @Test
    void shouldSendNoSourceWhenAVariableIsMissingOrTheSystemHasNoVcsType() {
        assertThat(VcsSources.detect(
                        Platform.GITHUB,
                        environment(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_SHA", "abc123"))))
                .isNull();
        assertThat(VcsSources.detect(Platform.LOCAL, environment(Map.of("GIT_COMMIT", "abc123"))))
                .isNull();
    }
}
