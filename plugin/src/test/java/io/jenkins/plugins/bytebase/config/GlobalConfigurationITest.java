package io.jenkins.plugins.bytebase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class GlobalConfigurationITest {

    @Test
    void shouldKeepServersThroughTheConfigurationPage(JenkinsRule j) throws Exception {
        BytebaseServer first = new BytebaseServer("production", "https://bytebase.example.com");
        first.setCredentialsId("bytebase-service-account");
        first.setTimeoutSeconds(45);
        first.setCustomHeaders(List.of(new CustomHeader("CF-Access-Client-Id", Secret.fromString("id-4711"))));
        BytebaseServer second = new BytebaseServer("staging", "https://staging.bytebase.example.com");
        second.setCredentialsId("bytebase-token");
        BytebaseGlobalConfiguration.get().setServers(List.of(first, second));

        j.configRoundtrip();

        List<BytebaseServer> servers = BytebaseGlobalConfiguration.get().getServers();
        assertThat(servers).hasSize(2);
        j.assertEqualDataBoundBeans(first, servers.get(0));
        j.assertEqualDataBoundBeans(second, servers.get(1));
        assertThat(servers.get(0).getCustomHeaders().get(0).getValue().getPlainText())
                .isEqualTo("id-4711");
    }

    @Test
    void shouldPickTheFirstServerByDefaultAndNameTheOthersWhenOneIsMissing(JenkinsRule j) throws Exception {
        BytebaseGlobalConfiguration configuration = BytebaseGlobalConfiguration.get();
        configuration.setServers(List.of(
                new BytebaseServer("production", "https://bytebase.example.com"),
                new BytebaseServer("staging", "https://staging.bytebase.example.com")));

        assertThat(configuration.findServer(null).getName()).isEqualTo("production");
        assertThat(configuration.findServer("staging").getName()).isEqualTo("staging");
        assertThatThrownBy(() -> configuration.findServer("qa"))
                .hasMessageContaining("qa")
                .hasMessageContaining("production")
                .hasMessageContaining("staging");
    }
}
