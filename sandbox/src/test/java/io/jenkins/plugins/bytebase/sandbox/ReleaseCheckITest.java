package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BytebaseSandboxExtension.class)
class ReleaseCheckITest {

    private static final String CHECK = "/v1/" + BytebaseSandbox.PROJECT + "/releases:check";

    @Test
    void shouldWarnOnceOnLineThreeForTheTutorialTable(BytebaseSandbox sandbox) throws Exception {
        String sql = Files.readString(Path.of("../examples/migrations/1.0.0_create_t1.sql"));
        JsonNode response = check(sandbox, sql);
        assertThat(response.get("results")).hasSize(1);
        JsonNode result = response.at("/results/0");
        assertThat(result.get("file").asText()).isEqualTo("migrations/1.0.0_create_t1.sql");
        assertThat(result.get("target").asText()).isEqualTo(BytebaseSandbox.TEST_DATABASE);
        assertThat(result.get("advices")).hasSize(1);
        JsonNode advice = result.at("/advices/0");
        assertThat(advice.get("status").asText()).isEqualTo("WARNING");
        assertThat(advice.get("code").asInt()).isEqualTo(402);
        assertThat(advice.get("title").asText()).isEqualTo("COLUMN_NO_NULL");
        assertThat(advice.get("content").asText())
                .isEqualTo("Column \"name\" in \"public\".\"t1\" cannot have NULL value");
        assertThat(advice.at("/startPosition/line").asInt()).isEqualTo(3);
        assertThat(advice.at("/startPosition").has("column"))
                .as("column 0 is left out")
                .isFalse();
        assertThat(advice.get("ruleType").asText()).isEqualTo("PARSER_BASED");
        assertThat(result.get("riskLevel").asText()).isEqualTo("MODERATE");
        assertThat(response.get("riskLevel").asText()).isEqualTo("MODERATE");
    }

    @Test
    void shouldFindNothingWhenTheColumnIsNotNull(BytebaseSandbox sandbox) {
        JsonNode result = check(sandbox, "-- c\n\nCREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT NOT NULL);")
                .at("/results/0");
        assertThat(result.has("advices")).isFalse();
        assertThat(result.get("riskLevel").asText()).isEqualTo("LOW");
    }

    private static JsonNode check(BytebaseSandbox sandbox, String sql) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        SandboxHttp.Reply reply = http.post(
                CHECK,
                SandboxHttp.checkRequest(
                        SandboxHttp.release("migrations/1.0.0_create_t1.sql", "1.0.0", sql),
                        BytebaseSandbox.TEST_DATABASE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
