package io.jenkins.plugins.bytebase.actions;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import org.htmlunit.html.DomAttr;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The job page: the errors and warnings of the last reviews as a chart, and the latest review's summary. */
@WithJenkins
class ReviewTrendITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        Fixtures.useSandbox(sandbox);
    }

    @Test
    void shouldChartTheWarningsOfEachReviewedBuildAndSummarizeTheLatest() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, ReviewPageITest.review(NULLABLE_SQL));
        j.buildAndAssertStatus(Result.UNSTABLE, job);
        job.setDefinition(new CpsFlowDefinition("echo 'no review in this build'", true));
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition(ReviewPageITest.review(NOT_NULL_SQL), true));
        j.buildAndAssertSuccess(job);

        ReviewTrendAction trend = job.getAction(ReviewTrendAction.class);
        assertThat(trend).isNotNull();
        assertThat(trend.isTrendVisible()).isTrue();
        JsonNode model = new ObjectMapper().readTree(trend.getConfigurableBuildTrendModel("{}"));
        assertThat(model.get("buildNumbers")).extracting(JsonNode::asInt).containsExactly(1, 3);
        assertThat(model.at("/series/0/data")).extracting(JsonNode::asInt).containsExactly(0, 0);
        // One warning per target in build 1, none in build 3.
        assertThat(model.at("/series/1/data")).extracting(JsonNode::asInt).containsExactly(2, 0);

        // The page as the server renders it; the chart itself is drawn in the browser from the model above.
        JenkinsRule.WebClient browser = j.createWebClient();
        browser.setJavaScriptEnabled(false);
        HtmlPage page = browser.goTo(job.getUrl());
        assertThat(page.asNormalizedText())
                .contains("Bytebase SQL review: errors and warnings")
                .contains("Latest Bytebase SQL review (#3)")
                .contains("no errors, no warnings");
        // Without a configuration id echarts-api's script asks for getBuildTrendModel, which this chart does not
        // serve, and the chart never leaves its loading state.
        assertThat(page.getByXPath("//span[@class='echarts-api-trend-chart-data-holder']/@data-configuration-id"))
                .extracting(attribute -> ((DomAttr) attribute).getValue())
                .containsExactly("default");
        assertThat(page.getAnchorByHref("/jenkins/" + job.getBuildByNumber(3).getUrl() + "bytebase-review/"))
                .isNotNull();
        HtmlPage latest = browser.goTo(job.getUrl() + "bytebase-review/");
        assertThat(latest.getUrl().toString()).endsWith(job.getBuildByNumber(3).getUrl() + "bytebase-review/");
    }

    @Test
    void shouldHaveNoTrendForAJobWithoutReviews() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, "echo 'hello'");
        j.buildAndAssertSuccess(job);

        assertThat(job.getAction(ReviewTrendAction.class)).isNull();
    }
}
