package io.jenkins.plugins.bytebase.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeITest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void shouldConfigureServersFromYaml(JenkinsConfiguredWithCodeRule j) {
        List<BytebaseServer> servers = BytebaseGlobalConfiguration.get().getServers();

        assertThat(servers).extracting(BytebaseServer::getName).containsExactly("production", "staging");
        BytebaseServer production = servers.get(0);
        assertThat(production.getUrl()).isEqualTo("https://bytebase.example.com");
        assertThat(production.getCredentialsId()).isEqualTo("bytebase-service-account");
        assertThat(production.getTimeoutSeconds()).isEqualTo(60);
        assertThat(production.getCustomHeaders()).hasSize(1);
        assertThat(production.getCustomHeaders().get(0).getName()).isEqualTo("CF-Access-Client-Id");
        assertThat(production.getCustomHeaders().get(0).getValue().getPlainText())
                .isEqualTo("access-client-id-4711");
        BytebaseServer staging = servers.get(1);
        assertThat(staging.getCredentialsId()).isEqualTo("bytebase-token");
        assertThat(staging.getTimeoutSeconds()).isEqualTo(BytebaseServer.DEFAULT_TIMEOUT_SECONDS);
        assertThat(staging.getCustomHeaders()).isEmpty();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void shouldExportServersWithoutThePlainHeaderValue(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode bytebase = Util.getUnclassifiedRoot(context).get("bytebase");

        String exported = Util.toYamlString(bytebase);

        assertThat(exported)
                .contains("production")
                .contains("https://bytebase.example.com")
                .contains("bytebase-service-account")
                .contains("timeoutSeconds: 60")
                .contains("CF-Access-Client-Id")
                .contains("staging")
                .doesNotContain("access-client-id-4711");
    }
}
