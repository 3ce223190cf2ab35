package io.jenkins.plugins.bytebase.actions;

import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.io.File;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The review page: the SQL of each file with every finding at its line, kept with the build. */
@WithJenkins
class ReviewPageITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        Fixtures.useSandbox(sandbox);
    }

    @Test
    void shouldShowTheFindingOfEachTargetUnderItsSqlLine() throws Exception {
        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, Fixtures.pipeline(j, review(NULLABLE_SQL)));

        HtmlPage page = j.createWebClient().goTo(build.getUrl() + "bytebase-review/");

        assertThat(page.getElementsByTagName("li"))
                .extracting(DomElement::getTextContent)
                .contains(BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE);
        DomElement line = page.getElementById("file-1-L3");
        assertThat(line.getTextContent()).contains("3").contains("name TEXT");
        // The same advice on both databases is one finding under the line, naming both; then comes line 4.
        DomElement findingBelow = line.getNextElementSibling();
        assertThat(findingBelow.getTextContent())
                .contains("WARNING", "402", "COLUMN_NO_NULL", "Column \"name\" in \"public\".\"t1\" cannot have NULL value")
                .contains(BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE);
        assertThat(findingBelow.getNextElementSibling().getId()).isEqualTo("file-1-L4");
        assertThat(page.getByXPath("//table[contains(@class, 'bytebase-review-findings')]/tbody/tr"))
                .hasSize(1);
        assertThat(page.getElementById("file-1-L2").getNextElementSibling().getId()).isEqualTo("file-1-L3");
        assertThat(page.getAnchorByHref("#file-1-L3")).isNotNull();
        assertThat(page.getAnchorByHref("https://docs.bytebase.com/sql-review/error-codes#402"))
                .isNotNull();
    }

    @Test
    void shouldLinkTheConsolesFileAndLineToThatLine() throws Exception {
        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, Fixtures.pipeline(j, review(NULLABLE_SQL)));

        HtmlPage console = j.createWebClient().goTo(build.getUrl() + "console");

        String href = console.getAnchorByText(Fixtures.MIGRATION_PATH + ":3").getHrefAttribute();
        assertThat(href).endsWith("/" + build.getUrl() + "bytebase-review/#file-1-L3");
    }

    @Test
    void shouldEscapeTheSqlItShows() throws Exception {
        String sql = "-- <script>alert('x')</script> & <b>bold</b>\\n" + NULLABLE_SQL;
        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, Fixtures.pipeline(j, review(sql)));

        HtmlPage page = j.createWebClient().goTo(build.getUrl() + "bytebase-review/");

        assertThat(page.getElementById("file-1-L1").getTextContent()).contains("<script>alert('x')</script> & <b>bold</b>");
        assertThat(page.getWebResponse().getContentAsString())
                .doesNotContain("<script>alert('x')")
                .contains("&lt;script");
        assertThat(page.getElementById("file-1-L4").getTextContent()).contains("name TEXT");
    }

    @Test
    void shouldListOnlyTheFindingsOfAFileTooLargeToKeep() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, review(NULLABLE_SQL));
        StringBuilder large = new StringBuilder();
        while (large.length() <= ReviewSources.MAX_BYTES) {
            large.append("-- padding that makes the file larger than what a build keeps\n");
        }
        large.append("CREATE TABLE t2 (id INT PRIMARY KEY, note TEXT);\n");
        j.jenkins.getWorkspaceFor(job).child("migrations/2.0.0_large.sql").write(large.toString(), "UTF-8");

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        HtmlPage page = j.createWebClient().goTo(build.getUrl() + "bytebase-review/");
        String text = page.asNormalizedText();
        assertThat(text).contains("larger than the 1 MiB of SQL kept with a build");
        assertThat(page.getElementById("file-2-L" + (large.toString().split("\n").length))
                        .getTextContent())
                .contains("Column \"note\" in \"public\".\"t2\" cannot have NULL value");
        assertThat(new File(build.getRootDir(), "bytebase-review").list()).containsExactly("1.sql");
    }

    @Test
    void shouldKeepTheSqlAcrossARestartAndListFindingsWhenItIsGone() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, review(NULLABLE_SQL));
        int number = j.buildAndAssertStatus(Result.UNSTABLE, job).getNumber();

        j.jenkins.reload();
        WorkflowRun reloaded = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(number);
        HtmlPage page = j.createWebClient().goTo(reloaded.getUrl() + "bytebase-review/");
        assertThat(page.getElementById("file-1-L3").getTextContent()).contains("name TEXT");

        // A build that did not keep the SQL (an older one, or its folder removed) still lists its findings.
        File folder = new File(reloaded.getRootDir(), "bytebase-review");
        for (File file : folder.listFiles()) {
            assertThat(file.delete()).isTrue();
        }
        page = j.createWebClient().goTo(reloaded.getUrl() + "bytebase-review/");
        assertThat(page.asNormalizedText())
                .contains("was not kept with this build")
                .contains("Column \"name\" in \"public\".\"t1\" cannot have NULL value");
        // One place for line 3, naming both databases, so that the console's link finds it.
        assertThat(page.getByXPath("//*[@id='file-1-L3']")).hasSize(1);
        assertThat(page.getElementById("file-1-L3").getTextContent())
                .contains("Line 3")
                .contains(BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE);
    }

    static String review(String sql) {
        return "node {\n"
                + writeMigration(sql)
                + "  bytebaseReview project: '" + BytebaseSandbox.PROJECT + "', targets: "
                + targets(BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE)
                + ", filePattern: 'migrations/*.sql'\n"
                + "}\n";
    }
}
