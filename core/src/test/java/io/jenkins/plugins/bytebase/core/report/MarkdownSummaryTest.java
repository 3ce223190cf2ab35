package io.jenkins.plugins.bytebase.core.report;

import static io.jenkins.plugins.bytebase.core.report.JsonOutputWriterTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewFixtures;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    @Test
    void shouldRenderTotalsATablePerFileAndTargetAndTheFilesLeftOut() throws IOException {
        assertThat(MarkdownSummary.render(ReviewFixtures.mixed())).isEqualTo(resource("mixed-summary.md"));
    }

    @Test
    void shouldSayNoFindingsWhenClean() {
        assertThat(MarkdownSummary.render(ReviewFixtures.clean()))
                .isEqualTo(
                        """
                        ## SQL Review Summary

                        | Errors | Warnings | Files | Targets | Risk | Affected rows |
                        | ---: | ---: | ---: | ---: | --- | ---: |
                        | 0 | 0 | 1 | 1 | None | 0 |

                        **No findings**: 1 file passed the SQL review against 1 target.
                        """);
    }

    @Test
    void shouldEscapeTextThatWouldBreakTheTableOrInjectMarkup() {
        Finding tricky = new Finding(
                Severity.WARNING, 0, "AI rule", "a | b\nSELECT * FROM t WHERE x <script>\r\nnext", 4, 0, 0, 0, true);
        ReviewResult result = new ReviewResult(
                "projects/p",
                List.of("instances/i/databases/d"),
                List.of(new FileReview(
                        "m/1_a.sql", "instances/i/databases/d", ChangeType.DDL, List.of(tricky), 0, Risk.LOW)),
                List.of(),
                0,
                Risk.LOW,
                "https://bytebase.example.com/projects/p/plans/1");

        String markdown = MarkdownSummary.render(result);

        assertThat(markdown)
                .contains("| Warning | AI rule | 4 | a \\| b<br>SELECT \\* FROM t WHERE x \\<script\\><br>next |")
                .contains("[Open in Bytebase](https://bytebase.example.com/projects/p/plans/1)")
                .doesNotContain("<script>");
        assertThat(markdown.lines().filter(line -> line.startsWith("| Warning")))
                .hasSize(1);
    }

    @Test
    void shouldNotPutANameWithABacktickInACodeSpan() {
        assertThat(MarkdownSummary.code("m/odd`name.sql")).isEqualTo("m/odd\\`name.sql");
        assertThat(MarkdownSummary.code("m/1_a.sql")).isEqualTo("`m/1_a.sql`");
    }
}
