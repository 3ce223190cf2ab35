package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.dto.AdviceLevel;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.RiskLevel;
import io.jenkins.plugins.bytebase.core.client.dto.Rollout;
import io.jenkins.plugins.bytebase.core.client.dto.TaskStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    @Test
    void shouldReadInt64StringsUnknownEnumsAndUnknownFields() throws Exception {
        CheckReleaseResponse response = WireJson.read(
                "{\"results\":[{\"file\":\"a.sql\",\"affectedRows\":\"9007199254740993\",\"riskLevel\":\"EXTREME\","
                        + "\"advices\":[{\"status\":\"FATAL\",\"code\":402,\"startPosition\":{\"line\":3}}],"
                        + "\"newField\":{\"x\":1}}],\"affectedRows\":\"12\",\"riskLevel\":\"HIGH\"}",
                CheckReleaseResponse.class);

        assertThat(response.affectedRows()).isEqualTo(12L);
        assertThat(response.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(response.results().get(0).affectedRows()).isEqualTo(9007199254740993L);
        assertThat(response.results().get(0).riskLevel()).isEqualTo(RiskLevel.UNKNOWN);
        assertThat(response.results().get(0).advices().get(0).status()).isEqualTo(AdviceLevel.UNKNOWN);
        assertThat(response.results().get(0).advices().get(0).startPosition().line())
                .isEqualTo(3);
    }

    @Test
    void shouldReadEqualStringsOfOneAnswerAsOneString() throws Exception {
        CheckReleaseResponse response = WireJson.read(
                "{\"results\":[{\"file\":\"a.sql\",\"target\":\"instances/i/databases/d\"},"
                        + "{\"file\":\"a.sql\",\"target\":\"instances/i/databases/e\"},"
                        + "{\"file\":\"b.sql\",\"target\":\"instances/i/databases/d\"}]}",
                CheckReleaseResponse.class);
        CheckReleaseResponse another =
                WireJson.read("{\"results\":[{\"file\":\"a.sql\"}]}", CheckReleaseResponse.class);

        assertThat(response.results())
                .extracting(result -> result.file() + " " + result.target())
                .containsExactly(
                        "a.sql instances/i/databases/d",
                        "a.sql instances/i/databases/e",
                        "b.sql instances/i/databases/d");
        assertThat(response.results().get(1).file())
                .isSameAs(response.results().get(0).file());
        assertThat(response.results().get(2).target())
                .isSameAs(response.results().get(0).target());
        assertThat(another.results().get(0).file())
                .as("nothing is kept from one answer to the next")
                .isNotSameAs(response.results().get(0).file());
    }

    @Test
    void shouldReadAbsentFieldsAsDefaults() throws Exception {
        Rollout rollout = WireJson.read(
                "{\"stages\":[{\"name\":\"s\",\"tasks\":[{\"name\":\"t\"},{\"name\":\"u\",\"status\":\"PAUSED\"}]}]}",
                Rollout.class);

        assertThat(rollout.stages().get(0).tasks())
                .extracting(task -> task.status())
                .containsExactly(TaskStatus.STATUS_UNSPECIFIED, TaskStatus.UNKNOWN);
        assertThat(WireJson.read("", CheckReleaseResponse.class).results()).isEmpty();
    }

    @Test
    void shouldWriteBytesAsBase64AndLeaveOutNullsAndEmpties() {
        ReleaseFile file = new ReleaseFile("a.sql", "1", "é;".getBytes(StandardCharsets.UTF_8), null, "");

        assertThat(WireJson.write(file)).isEqualTo("{\"path\":\"a.sql\",\"version\":\"1\",\"statement\":\"w6k7\"}");
    }
}
