package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BytebaseSandboxExtension.class)
class StrictValidationITest {

    private static final String PROJECT = "/v1/" + BytebaseSandbox.PROJECT;

    @Test
    void shouldRejectAnUnknownFieldWithTheGatewayErrorShape(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        ObjectNode body =
                SandboxHttp.checkRequest(SandboxHttp.release("a.sql", "1", "SELECT 1;"), BytebaseSandbox.TEST_DATABASE);
        body.put("checkMode", "FAST");

        SandboxHttp.Reply reply = http.post(PROJECT + "/releases:check", body);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json();
        assertThat(error.get("code").asInt()).isEqualTo(3);
        assertThat(error.get("message").asText()).contains("unknown field \"checkMode\"");
        assertThat(error.get("details").isArray()).isTrue();
    }

    @Test
    void shouldRejectAWrongType(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        SandboxHttp.Reply reply = http.post(PROJECT + "/releases:check", "{\"release\":{\"files\":\"a.sql\"}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(3);
        assertThat(reply.json().get("message").asText()).contains("files");
    }

    @Test
    void shouldRejectAMissingRequiredField(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        SandboxHttp.Reply reply = http.post(PROJECT + "/releases:check", "{\"targets\":[]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("release");
    }

    @Test
    void shouldAcceptAValidPlanAndRejectAnUnknownSpecField(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String release = http.post(PROJECT + "/releases", SandboxHttp.release("a.sql", "1", "SELECT 1;"))
                .json()
                .get("name")
                .asText();
        ObjectNode plan = SandboxHttp.plan("p", release, BytebaseSandbox.TEST_DATABASE);
        assertThat(http.post(PROJECT + "/plans", plan).status()).isEqualTo(200);

        ((ObjectNode) plan.at("/specs/0")).put("priority", 1);
        SandboxHttp.Reply reply = http.post(PROJECT + "/plans", plan);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("unknown field \"priority\"");
    }
}
