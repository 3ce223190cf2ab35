package io.jenkins.plugins.bytebase.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitHubAnnotationsTest {

    @Test
    void shouldPrintEscapedWorkflowCommandsWithTitleAndDocumentationLink() {
        assertThat(GitHubAnnotations.format(ReviewFixtures.mixed()))
                .isEqualTo("::warning file=migrations/1.0.0_create_t1.sql,line=3,col=1,title=COLUMN_NO_NULL (402)::"
                        + "Column \"name\" in public.t1 cannot have NULL value"
                        + " (instances/test-sample-instance/databases/hr_test)"
                        + " https://docs.bytebase.com/sql-review/error-codes#402\n"
                        + "::error file=migrations/1.1.0_purge;t1]_dml.sql,line=1,"
                        + "title=STATEMENT_WHERE_REQUIRE_UPDATE_DELETE (202)::\"DELETE FROM t1\" requires WHERE"
                        + " clause,%0A100%25 of rows: gone (instances/test-sample-instance/databases/hr_test)"
                        + " https://docs.bytebase.com/sql-review/error-codes#202\n");
    }

    @Test
    void shouldPrintAllTenAnnotationsOfALevelWhenNoneIsLost() {
        String text = GitHubAnnotations.format(ReviewFixtures.many(10));

        assertThat(text.lines().filter(line -> line.startsWith("::warning file=")))
                .hasSize(10);
        assertThat(text.lines().filter(line -> line.startsWith("::error file=")))
                .hasSize(10);
        assertThat(text).doesNotContain("more");
    }

    @Test
    void shouldSummariseWhatGitHubWouldDropPastTenPerLevel() {
        String text = GitHubAnnotations.format(ReviewFixtures.many(12));

        assertThat(text.lines().filter(line -> line.startsWith("::warning"))).hasSize(10);
        assertThat(text.lines().filter(line -> line.startsWith("::error"))).hasSize(10);
        assertThat(text)
                .contains("title=COLUMN_NO_NULL (402)::w9 ")
                .doesNotContain("::w10 ")
                .endsWith("::error title=Bytebase SQL review::3 more errors not annotated (GitHub shows 10 per step);"
                        + " see the job summary\n"
                        + "::warning title=Bytebase SQL review::3 more warnings not annotated (GitHub shows 10 per"
                        + " step); see the job summary\n");
    }
}
