package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTest {

    private static CliEnvironment environment(Map<String, String> variables) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new CliEnvironment(variables, nowhere, nowhere, Path.of("."), Clock.systemUTC(), false);
    }

    @Test
    void shouldDetectTheCiSystemAsBytebaseActionDoes() {
        assertThat(Platform.AUTO.resolve(environment(Map.of("GITHUB_ACTIONS", "true"))))
                .isEqualTo(Platform.GITHUB);
        assertThat(Platform.AUTO.resolve(environment(Map.of("GITLAB_CI", "true"))))
                .isEqualTo(Platform.GITLAB);
        assertThat(Platform.AUTO.resolve(environment(Map.of("BITBUCKET_BUILD_NUMBER", "17"))))
                .isEqualTo(Platform.BITBUCKET);
        assertThat(Platform.AUTO.resolve(
                        environment(Map.of("SYSTEM_TEAMFOUNDATIONSERVERURI", "https://dev.azure.com/org/"))))
                .isEqualTo(Platform.AZURE);
        assertThat(Platform.AUTO.resolve(environment(Map.of("JENKINS_URL", "http://ci/"))))
                .isEqualTo(Platform.LOCAL);
        assertThat(Platform.AUTO.resolve(environment(Map.of("GITHUB_ACTIONS", "false"))))
                .isEqualTo(Platform.LOCAL);
    }

    @Test
    void shouldLetAnExplicitChoiceWin() {
        assertThat(Platform.AZURE.resolve(environment(Map.of("GITHUB_ACTIONS", "true"))))
                .isEqualTo(Platform.AZURE);
    }
}
