package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthITest {

    @RegisterExtension
    static final BytebaseSandboxExtension EXTENSION = new BytebaseSandboxExtension(SandboxOptions.defaults()
            .withServiceAccountSecret("bbs_secret_for_tests")
            .withTokenLifetime(Duration.ofMillis(300))
            .withVersion("3.20.0"));

    private static final String RELEASES = "/v1/" + BytebaseSandbox.PROJECT + "/releases";

    @Test
    void shouldIssueAJwtShapedTokenWithAnExpiryClaim(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String[] parts = http.token().split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"exp\":").contains(BytebaseSandbox.SERVICE_ACCOUNT);
        assertThat(sandbox.serviceAccountSecret()).isEqualTo("bbs_secret_for_tests");
    }

    @Test
    void shouldRejectBadCredentialsWithUnauthenticated(BytebaseSandbox sandbox) {
        SandboxHttp.Reply reply = new SandboxHttp(sandbox)
                .post(
                        "/v1/auth/login",
                        "{\"email\":\"" + BytebaseSandbox.SERVICE_ACCOUNT + "\",\"password\":\"bbs_x\"}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asInt()).isEqualTo(16);
        assertThat(reply.body()).doesNotContain("bbs_x");
    }

    @Test
    void shouldRefuseWebLoginForTheServiceAccount(BytebaseSandbox sandbox) {
        SandboxHttp.Reply reply = new SandboxHttp(sandbox)
                .post(
                        "/v1/auth/login",
                        "{\"email\":\"" + BytebaseSandbox.SERVICE_ACCOUNT + "\",\"password\":\""
                                + sandbox.serviceAccountSecret() + "\",\"web\":true}");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asText()).isEqualTo("only users can use web login");
    }

    @Test
    void shouldRequireABearerTokenOfExactlyTwoWords(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        assertThat(status(http, null)).isEqualTo(401);
        assertThat(status(http, "Bearer")).isEqualTo(401);
        assertThat(status(http, "Bearer " + http.token() + " extra")).isEqualTo(401);
        assertThat(status(http, "Token " + http.token())).isEqualTo(401);
        assertThat(status(http, "Bearer not-a-token")).isEqualTo(401);
        assertThat(status(http, "bEaReR " + http.token())).isEqualTo(200);
    }

    @Test
    void shouldExpireTokensAfterTheirLifetime(BytebaseSandbox sandbox) throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        assertThat(http.get(RELEASES).status()).isEqualTo(200);
        Thread.sleep(350);
        SandboxHttp.Reply reply = http.get(RELEASES);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asInt()).isEqualTo(16);
        assertThat(reply.json().get("message").asText()).contains("expired");
    }

    @Test
    void shouldExpireTokensOnDemand(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().expireTokens();
        assertThat(http.get(RELEASES).status()).isEqualTo(401);
        assertThat(http.login().get(RELEASES).status()).isEqualTo(200);
    }

    @Test
    void shouldServeActuatorInfoWithoutAToken(BytebaseSandbox sandbox) {
        SandboxHttp.Reply reply = new SandboxHttp(sandbox).get("/v1/actuator/info");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode info = reply.json();
        assertThat(info.get("version").asText()).isEqualTo("3.20.0");
        assertThat(info.has("gitCommit")).isTrue();
        assertThat(info.get("workspace").asText()).startsWith("workspaces/");
    }

    private static int status(SandboxHttp http, String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(http.builder(RELEASES).build().uri().toString()))
                .GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return http.sendRaw(builder.build()).statusCode();
    }
}
