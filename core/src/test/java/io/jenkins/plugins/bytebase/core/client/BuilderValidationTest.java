package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderValidationTest {

    private static BytebaseClient.Builder builder() {
        return BytebaseClient.builder(URI.create("https://bytebase.example.com"))
                .credentials(Credentials.accessToken("t0ken"));
    }

    @Test
    void shouldTrimTrailingSlashesAndKeepAPathPrefix() {
        BytebaseClient client = BytebaseClient.builder(URI.create("https://example.com/bytebase//"))
                .credentials(Credentials.accessToken("t0ken"))
                .build();

        assertThat(client.serverUrl()).isEqualTo(URI.create("https://example.com/bytebase"));
        assertThat(client.webUrl("projects/hr/plans/7")).isEqualTo("https://example.com/bytebase/projects/hr/plans/7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytebase.example.com", "/relative", "ftp://example.com", "https://example.com?x=1"})
    void shouldRefuseAUrlThatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> BytebaseClient.builder(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bytebase URL");
    }

    @Test
    void shouldRefuseCredentialsInTheUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> BytebaseClient.builder(URI.create("https://ci:hunter22@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not hold a user name or password")
                .message()
                .doesNotContain("hunter22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION"})
    void shouldRefuseAnAuthorizationHeaderInAnyCase(String name) {
        assertThatThrownBy(() -> builder().customHeaders(Map.of(name, "Bearer s3cr3t-value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Authorization' is not allowed")
                .message()
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void shouldRefuseInvalidHeaderNamesAndValuesWithoutShowingValues() {
        assertThatThrownBy(() -> builder().customHeaders(Map.of("X-Token: s3cr3t-value", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid custom header name 'X-Token'")
                .message()
                .doesNotContain("s3cr3t-value");
        assertThatThrownBy(() -> builder().customHeaders(Map.of("X-Token", "s3cr3t-value\r\nX-Evil: 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custom header 'X-Token'")
                .message()
                .doesNotContain("s3cr3t-value");
        assertThatThrownBy(() -> builder().customHeaders(Map.of("Host", "other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Host' is not allowed");
    }

    @Test
    void shouldRefuseMissingCredentialsAndNonPositiveTimeouts() {
        assertThatThrownBy(() -> BytebaseClient.builder(URI.create("https://example.com"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No credentials");
        assertThatThrownBy(() -> builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request timeout must be positive");
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeverShowSecretsInCredentialsToString() {
        assertThat(Credentials.serviceAccount("ci@service.bytebase.com", "bbs_topsecret")
                        .toString())
                .contains("ci@service.bytebase.com")
                .doesNotContain("bbs_topsecret");
        assertThat(Credentials.accessToken("eyJtoken").toString()).doesNotContain("eyJtoken");
    }
}
