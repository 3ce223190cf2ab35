package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.ServerInfo.Compatibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerVersionsTest {

    @ParameterizedTest
    @CsvSource({
        "3.15.0, SUPPORTED",
        "3.21.1, SUPPORTED",
        "v3.18.2, SUPPORTED",
        "3.22.0, WARNING",
        "3.40.1, WARNING",
        "latest, WARNING",
        "development, WARNING",
        "3.22.0-dev, WARNING",
        "cloud-20260801, WARNING",
        "3.14.2, UNSUPPORTED",
        "3.8.0, UNSUPPORTED",
        "2.23.0, UNSUPPORTED",
        "4.0.0, UNSUPPORTED",
        "banana, UNSUPPORTED",
        "'', UNSUPPORTED"
    })
    void shouldJudgeTheServerVersion(String version, Compatibility expected) {
        ServerInfo info = ServerVersions.assess(version);

        assertThat(info.compatibility()).isEqualTo(expected);
        assertThat(info.version()).isEqualTo(version);
        assertThat(info.message()).contains("3.15 to 3.21");
        if (!version.isEmpty()) {
            assertThat(info.message()).contains(version);
        }
    }

    @ParameterizedTest
    @CsvSource({"3.14.0", "3.0.1"})
    void shouldTellUsersOfOldServersToUpgrade(String version) {
        assertThat(ServerVersions.assess(version).message()).contains("Upgrade Bytebase to 3.15 or later");
    }
}
