package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BytebaseSandboxExtension.class)
class ReleaseITest {

    private static final String PROJECT = "/v1/" + BytebaseSandbox.PROJECT;

    @Test
    void shouldMakeReleaseIdsFromTheDefaultTemplate(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);

        JsonNode first = http.post(PROJECT + "/releases", SandboxHttp.release("a.sql", "1.0.0", "SELECT 1;"))
                .json();
        JsonNode second = http.post(PROJECT + "/releases", SandboxHttp.release("a.sql", "1.0.0", "SELECT 1;"))
                .json();

        assertThat(first.get("name").asText())
                .isEqualTo(BytebaseSandbox.PROJECT + "/releases/release_" + date + "-RC00");
        assertThat(second.get("name").asText()).endsWith("-RC01");
        assertThat(first.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(first.get("type").asText()).isEqualTo("VERSIONED");
        assertThat(first.get("creator").asText()).isEqualTo("users/" + BytebaseSandbox.SERVICE_ACCOUNT);
        assertThat(first.has("createTime")).isTrue();
        JsonNode file = first.at("/files/0");
        assertThat(file.has("statement")).isFalse();
        assertThat(file.get("sheet").asText())
                .isEqualTo(BytebaseSandbox.PROJECT + "/sheets/"
                        + file.get("sheetSha256").asText());
        assertThat(http.get("/v1/" + first.get("name").asText()).json()).isEqualTo(first);
    }

    @Test
    void shouldUseACustomTemplateAndTimezone(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        JsonNode release = http.post(
                        PROJECT
                                + "/releases?releaseIdTemplate=ci_%7Btimestamp%7D_%7Biteration%7D&releaseIdTimezone=Asia%2FTokyo",
                        SandboxHttp.release("a.sql", "1", "SELECT 1;"))
                .json();
        assertThat(release.get("name").asText()).matches(".*/releases/ci_\\d{8}_\\d{4}_00");
    }

    @Test
    void shouldRejectBadTemplatesAndTimezones(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        ObjectNode release = SandboxHttp.release("a.sql", "1", "SELECT 1;");
        assertThat(http.post(PROJECT + "/releases?releaseIdTemplate=r-%7Biteration%7D-%7Bdate%7D", release)
                        .status())
                .isEqualTo(400);
        assertThat(http.post(PROJECT + "/releases?releaseIdTemplate=r-%7Biteration%7D", release)
                        .status())
                .isEqualTo(400);
        assertThat(http.post(PROJECT + "/releases?releaseIdTimezone=Mars%2FBase", release)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldRejectDuplicateAndInvalidVersions(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        SandboxHttp.Reply duplicate = http.post(
                PROJECT + "/releases", SandboxHttp.release("a.sql", "1.0", "SELECT 1;", "b.sql", "1.0", "SELECT 2;"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").asText())
                .isEqualTo("invalid release files: found duplicate version \"1.0\"");

        SandboxHttp.Reply invalid = http.post(
                PROJECT + "/releases:check",
                SandboxHttp.checkRequest(
                        SandboxHttp.release("a.sql", "v1.0", "SELECT 1;"), BytebaseSandbox.TEST_DATABASE));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).startsWith("invalid version");
    }

    @Test
    void shouldAcceptOneTimestampVersionForEveryFileOfADeclarativeCheck(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        ObjectNode release = SandboxHttp.release(
                "schema/t1.sql",
                "20261122.101500",
                "CREATE TABLE t1 (id INT PRIMARY KEY);",
                "schema/t2.sql",
                "20261122.101500",
                "CREATE TABLE t2 (id INT PRIMARY KEY);");
        release.put("type", "DECLARATIVE");

        SandboxHttp.Reply reply = http.post(
                PROJECT + "/releases:check", SandboxHttp.checkRequest(release, BytebaseSandbox.TEST_DATABASE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("results")).hasSize(2);
    }

    @Test
    void shouldRequireEitherStatementOrSheet(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        ObjectNode release = SandboxHttp.release("a.sql", "1", "SELECT 1;");
        ((ObjectNode) release.at("/files/0")).put("sheet", BytebaseSandbox.PROJECT + "/sheets/abc");
        assertThat(http.post(PROJECT + "/releases", release).status()).isEqualTo(400);
        ((ObjectNode) release.at("/files/0")).remove("sheet");
        ((ObjectNode) release.at("/files/0")).remove("statement");
        assertThat(http.post(PROJECT + "/releases", release).status()).isEqualTo(400);
    }

    @Test
    void shouldAcceptASheetOfAnEarlierRelease(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        JsonNode first = http.post(PROJECT + "/releases", SandboxHttp.release("a.sql", "1", "SELECT 1;"))
                .json();
        ObjectNode release = SandboxHttp.MAPPER.createObjectNode().put("type", "VERSIONED");
        release.putArray("files")
                .addObject()
                .put("path", "a.sql")
                .put("version", "1")
                .put("sheet", first.at("/files/0/sheet").asText());
        JsonNode second = http.post(PROJECT + "/releases", release).json();
        assertThat(second.at("/files/0/sheetSha256")).isEqualTo(first.at("/files/0/sheetSha256"));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownProjectOrDatabase(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        SandboxHttp.Reply project =
                http.post("/v1/projects/nope/releases", SandboxHttp.release("a.sql", "1", "SELECT 1;"));
        assertThat(project.status()).isEqualTo(404);
        assertThat(project.json().get("code").asInt()).isEqualTo(5);
        assertThat(project.json().get("message").asText()).contains("projects/nope");

        SandboxHttp.Reply database = http.post(
                PROJECT + "/releases:check",
                SandboxHttp.checkRequest(SandboxHttp.release("a.sql", "1", "SELECT 1;"), "instances/x/databases/nope"));
        assertThat(database.status()).isEqualTo(404);
        assertThat(database.json().get("message").asText()).contains("instances/x/databases/nope");

        SandboxHttp.Reply outside = http.post(
                PROJECT + "/releases:check",
                SandboxHttp.checkRequest(
                        SandboxHttp.release("a.sql", "1", "SELECT 1;"), "projects/other/databaseGroups/g"));
        assertThat(outside.status()).isEqualTo(400);
        SandboxHttp.Reply empty = http.post(
                PROJECT + "/releases:check", SandboxHttp.checkRequest(SandboxHttp.release("a.sql", "1", "SELECT 1;")));
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void shouldCheckEachTargetOfADatabaseGroupAndSumAffectedRows(BytebaseSandbox sandbox) {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        JsonNode response = http.post(
                        PROJECT + "/releases:check",
                        SandboxHttp.checkRequest(
                                SandboxHttp.release(
                                        "1_seed.sql",
                                        "1",
                                        "INSERT INTO t1 (name) VALUES ('a'), ('b');",
                                        "2_wipe.sql",
                                        "2",
                                        "DELETE FROM t1;"),
                                BytebaseSandbox.DATABASE_GROUP))
                .json();
        assertThat(response.get("results")).hasSize(4);
        assertThat(response.at("/results/0/affectedRows").asText()).isEqualTo("2");
        assertThat(response.get("affectedRows").asText()).isEqualTo("4");
        assertThat(response.at("/results/2/advices/0/code").asInt()).isEqualTo(202);
        assertThat(response.get("riskLevel").asText()).isEqualTo("HIGH");
    }
}
