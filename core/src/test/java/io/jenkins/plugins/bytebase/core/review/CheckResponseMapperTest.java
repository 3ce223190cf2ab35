package io.jenkins.plugins.bytebase.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.dto.Advice;
import io.jenkins.plugins.bytebase.core.client.dto.AdviceLevel;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.CheckResult;
import io.jenkins.plugins.bytebase.core.client.dto.Position;
import io.jenkins.plugins.bytebase.core.client.dto.RiskLevel;
import io.jenkins.plugins.bytebase.core.client.dto.RuleType;
import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckResponseMapperTest {

    private static final String DB = "instances/i/databases/d";

    private final MigrationFile table = new MigrationFile("m/1.0.0_t1.sql", "1.0.0", ChangeType.DDL, new byte[] {1});
    private final CheckResponseMapper mapper = new CheckResponseMapper(
            List.of(table, new MigrationFile("m/1.1.0_seed_dml.sql", "1.1.0", ChangeType.DML, new byte[] {1})),
            List.of(DB));

    @Test
    void shouldHoldThePathAndTargetStringsOfTheRequestNotTheAnswersCopies() {
        String answeredPath = new String(table.path().toCharArray());
        String answeredTarget = new String(DB.toCharArray());
        CheckReleaseResponse response = new CheckReleaseResponse(
                List.of(
                        new CheckResult(answeredPath, answeredTarget, List.of(), 0, RiskLevel.LOW),
                        new CheckResult("m/unknown.sql", "instances/i/databases/other", List.of(), 0, null)),
                0,
                null);

        ReviewResult result = mapper.toResult("projects/p", List.of(DB), List.of(), response, "http://bb/projects/p");

        assertThat(result.reviews().get(0).file()).isSameAs(table.path());
        assertThat(result.reviews().get(0).target()).isSameAs(DB);
        assertThat(result.reviews().get(1).file()).isEqualTo("m/unknown.sql");
        assertThat(result.reviews().get(1).target()).isEqualTo("instances/i/databases/other");
        assertThat(result.reviews().get(1).changeType()).isEqualTo(ChangeType.DDL);
    }

    @Test
    void shouldMapAdvicesIntoFindingsWithTheFilesChangeType() {
        Advice warning = new Advice(
                AdviceLevel.WARNING,
                402,
                "COLUMN_NO_NULL",
                "Column \"name\" ...",
                new Position(3, 5),
                new Position(3, 40),
                RuleType.PARSER_BASED);
        Advice aiError =
                new Advice(AdviceLevel.ERROR, 10001, "AI", "no", new Position(0, 0), null, RuleType.AI_POWERED);
        CheckReleaseResponse response = new CheckReleaseResponse(
                List.of(
                        new CheckResult("m/1.0.0_t1.sql", DB, List.of(warning), 0, RiskLevel.LOW),
                        new CheckResult("m/1.1.0_seed_dml.sql", DB, List.of(aiError), 12, RiskLevel.HIGH)),
                12,
                RiskLevel.HIGH);

        ReviewResult result = mapper.toResult(
                "projects/p", List.of(DB), List.of("README.md has no version"), response, "http://bb/projects/p");

        assertThat(result.reviews()).hasSize(2);
        FileReview first = result.reviews().get(0);
        assertThat(first.changeType()).isEqualTo(ChangeType.DDL);
        assertThat(first.risk()).isEqualTo(Risk.LOW);
        assertThat(first.findings())
                .containsExactly(new Finding(
                        Severity.WARNING, 402, "COLUMN_NO_NULL", "Column \"name\" ...", 3, 5, 3, 40, false));
        FileReview second = result.reviews().get(1);
        assertThat(second.changeType()).isEqualTo(ChangeType.DML);
        assertThat(second.affectedRows()).isEqualTo(12);
        assertThat(second.findings().get(0).line())
                .as("a line below 1 reads as 1")
                .isEqualTo(1);
        assertThat(second.findings().get(0).aiPowered()).isTrue();
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.warnings()).isEqualTo(1);
        assertThat(result.risk()).isEqualTo(Risk.HIGH);
        assertThat(result.skippedFiles()).containsExactly("README.md has no version");
        assertThat(result.reportUrl()).isEqualTo("http://bb/projects/p");
    }

    @Test
    void shouldMapUnknownAndUnspecifiedLevels() {
        assertThat(CheckResponseMapper.severity(AdviceLevel.UNKNOWN)).isEqualTo(Severity.UNKNOWN);
        assertThat(CheckResponseMapper.severity(AdviceLevel.ADVICE_LEVEL_UNSPECIFIED))
                .isEqualTo(Severity.UNKNOWN);
        assertThat(CheckResponseMapper.severity(AdviceLevel.SUCCESS)).isEqualTo(Severity.SUCCESS);
        assertThat(CheckResponseMapper.risk(RiskLevel.RISK_LEVEL_UNSPECIFIED)).isEqualTo(Risk.NONE);
        assertThat(CheckResponseMapper.risk(RiskLevel.UNKNOWN)).isEqualTo(Risk.UNKNOWN);
        assertThat(CheckResponseMapper.risk(RiskLevel.MODERATE)).isEqualTo(Risk.MODERATE);
    }

    @Test
    void shouldCallAFileTheServerNamesButWeDoNotKnowDdl() {
        CheckReleaseResponse response =
                new CheckReleaseResponse(List.of(new CheckResult("other.sql", DB, List.of(), 0, null)), 0, null);

        ReviewResult result = mapper.toResult("projects/p", List.of(DB), List.of(), response, "");

        assertThat(result.reviews().get(0).changeType()).isEqualTo(ChangeType.DDL);
        assertThat(result.reviews().get(0).risk()).isEqualTo(Risk.NONE);
    }
}
