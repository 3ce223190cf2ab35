package io.jenkins.plugins.bytebase.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.ReviewFixtures;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonOutputWriterTest {

    private static final String RELEASE = "projects/project-sample/releases/release_20250429-RC00";
    private static final String PLAN = "projects/project-sample/plans/101";

    static String resource(String name) throws IOException {
        try (InputStream in = JsonOutputWriterTest.class.getResourceAsStream("/reports/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldWriteTheKeysOfBytebaseActionWithCheckResultsInProtojson() throws IOException {
        String json = JsonOutputWriter.toJson(new OutputFile(RELEASE, PLAN, null, ReviewFixtures.mixed()));

        assertThat(json).isEqualTo(resource("mixed-output.json"));
    }

    @Test
    void shouldLeaveOutEmptyKeys() {
        String json = JsonOutputWriter.toJson(new OutputFile(RELEASE, "", null, null));

        assertThat(json).isEqualTo("{\n  \"release\": \"" + RELEASE + "\"\n}\n");
    }

    @Test
    void shouldWriteAnEmptyObjectWhenNothingHappened() {
        assertThat(JsonOutputWriter.toJson(new OutputFile(null, null, null, null)))
                .isEqualTo("{}\n");
    }

    @Test
    void shouldWriteAnEmptyCheckResultForACleanReviewWithNothingToCheck() {
        ReviewResult nothing =
                new ReviewResult("projects/p", List.of(ReviewFixtures.HR_TEST), List.of(), List.of(), 0, Risk.NONE, "");

        assertThat(JsonOutputWriter.toJson(new OutputFile(null, null, null, nothing)))
                .isEqualTo("{\n  \"checkResults\": {}\n}\n");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        OutputFile written =
                new OutputFile(RELEASE, PLAN, "projects/project-sample/plans/101/rollout", ReviewFixtures.mixed());

        OutputFile read = JsonOutputReader.fromJson(JsonOutputWriter.toJson(written));

        assertThat(read.release()).isEqualTo(RELEASE);
        assertThat(read.plan()).isEqualTo(PLAN);
        assertThat(read.rollout()).isEqualTo(written.rollout());
        ReviewResult original = ReviewFixtures.mixed();
        assertThat(read.checkResults().reviews())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(original.reviews());
        assertThat(read.checkResults().affectedRows()).isEqualTo(12);
        assertThat(read.checkResults().risk()).isEqualTo(Risk.HIGH);
        assertThat(read.checkResults().targets()).containsExactly(ReviewFixtures.HR_TEST, ReviewFixtures.HR_PROD);
    }

    @Test
    void shouldReadAnOutputFileOfBytebaseActionWithUnknownValues() {
        String fromAction =
                """
                {
                  "plan": "projects/hr/plans/7",
                  "checkResults": {
                    "results": [
                      {
                        "file": "m/2_x_dml.sql",
                        "target": "instances/i/databases/d",
                        "advices": [{"status": "FATAL_NEW_LEVEL", "code": 999, "title": "NEW_RULE",
                                     "startPosition": {"line": 0}, "ruleType": "AI_POWERED"}],
                        "affectedRows": "9007199254740993",
                        "riskLevel": "CRITICAL"
                      }
                    ],
                    "someNewField": true
                  }
                }
                """;

        OutputFile read = JsonOutputReader.fromJson(fromAction);

        assertThat(read.release()).isNull();
        FileReview review = read.checkResults().reviews().get(0);
        assertThat(review.affectedRows()).isEqualTo(9007199254740993L);
        assertThat(review.risk()).isEqualTo(Risk.UNKNOWN);
        assertThat(review.changeType()).hasToString("DML");
        assertThat(review.findings().get(0).severity()).hasToString("UNKNOWN");
        assertThat(review.findings().get(0).line()).isEqualTo(1);
        assertThat(review.findings().get(0).aiPowered()).isTrue();
    }

    @Test
    void shouldRefuseTextThatIsNoOutputFile() {
        assertThatThrownBy(() -> JsonOutputReader.fromJson("{\"release\": "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonOutputReader.fromJson("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void shouldWriteAndReadAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/bytebase.json");

        JsonOutputWriter.write(new OutputFile(RELEASE, PLAN, null, null), file);

        assertThat(Files.readString(file)).contains("\"plan\": \"" + PLAN + "\"");
        assertThat(JsonOutputReader.read(file).plan()).isEqualTo(PLAN);
    }
}
