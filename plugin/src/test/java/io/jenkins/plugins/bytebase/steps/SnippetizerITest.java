package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.Fixtures;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** What the snippet generator writes for each step parses back to the same step, and the forms keep every field. */
@WithJenkins
class SnippetizerITest {

    @Test
    void shouldRoundTripTheReviewStepThroughTheSnippetGenerator(JenkinsRule j) throws Exception {
        BytebaseReviewStep step = new BytebaseReviewStep();
        step.setProject(PROJECT);
        step.setTargets(List.of(TEST_DATABASE));
        step.setFilePattern("migrations/*.sql");
        step.setCheckRelease("FAIL_ON_WARNING");
        step.setSarifFile("reports/review.sarif");
        step.setPublishChecks(false);

        new SnippetizerTester(j)
                .assertRoundTrip(
                        step,
                        "bytebaseReview checkRelease: 'FAIL_ON_WARNING', filePattern: 'migrations/*.sql', project: '"
                                + PROJECT + "', publishChecks: false, sarifFile: 'reports/review.sarif', targets: ['"
                                + TEST_DATABASE + "']");
    }

    @Test
    void shouldLeaveDefaultsOutOfTheReviewSnippet(JenkinsRule j) throws Exception {
        BytebaseReviewStep step = new BytebaseReviewStep();
        step.setProject(PROJECT);
        step.setTargets(List.of(TEST_DATABASE));
        step.setFilePattern("migrations/*.sql");
        step.setCheckRelease("FAIL_ON_ERROR");
        step.setWarningResult("UNSTABLE");
        step.setSarifFile(BytebaseReviewStep.DEFAULT_SARIF_FILE);

        new SnippetizerTester(j)
                .assertRoundTrip(
                        step,
                        "bytebaseReview filePattern: 'migrations/*.sql', project: '" + PROJECT + "', targets: ['"
                                + TEST_DATABASE + "']");
    }

    @Test
    void shouldRoundTripARolloutFromFilesThroughTheSnippetGenerator(JenkinsRule j) throws Exception {
        BytebaseRolloutStep step = new BytebaseRolloutStep();
        step.setProject(PROJECT);
        step.setTargets(List.of(TEST_DATABASE, PROD_DATABASE));
        step.setFilePattern("migrations/*.sql");
        step.setTargetStage("environments/test");
        step.setOutputFile("rollout.json");

        new SnippetizerTester(j)
                .assertRoundTrip(
                        step,
                        "bytebaseRollout filePattern: 'migrations/*.sql', outputFile: 'rollout.json', project: '"
                                + PROJECT + "', targetStage: 'environments/test', targets: ['" + TEST_DATABASE
                                + "', '" + PROD_DATABASE + "']");
    }

    @Test
    void shouldRoundTripARolloutContinuingAPlanThroughTheSnippetGenerator(JenkinsRule j) throws Exception {
        BytebaseRolloutStep step = new BytebaseRolloutStep();
        step.setProject(PROJECT);
        step.setPlan(PROJECT + "/plans/7");
        step.setTargetStage("environments/prod");
        step.setTimeout(30);
        step.setCancelOnAbort(false);

        new SnippetizerTester(j)
                .assertRoundTrip(
                        step,
                        "bytebaseRollout cancelOnAbort: false, plan: '" + PROJECT + "/plans/7', project: '" + PROJECT
                                + "', targetStage: 'environments/prod', timeout: 30");
    }

    @Test
    void shouldKeepEveryReviewFieldThroughTheStepForm(JenkinsRule j) throws Exception {
        BytebaseReviewStep step = new BytebaseReviewStep();
        step.setServer("sandbox");
        step.setCredentialsId("bytebase-token");
        step.setProject(PROJECT);
        step.setTargets(List.of(TEST_DATABASE, PROD_DATABASE));
        step.setFilePattern("migrations/**/*.sql");
        step.setDeclarative(true);
        step.setCheckRelease("SKIP");
        step.setWarningResult("SUCCESS");
        step.setSarifFile("reports/review.sarif");
        step.setJsonFile("reports/review.json");
        step.setMarkdownFile("reports/review.md");
        step.setPublishChecks(false);
        step.setCustomRules("Every table has a primary key.");

        // The server list box offers the configured servers only.
        Fixtures.configureServer("https://bytebase.example.com", "bytebase-token");

        BytebaseReviewStep after = new StepConfigTester(j).configRoundTrip(step);

        j.assertEqualDataBoundBeans(step, after);
        assertThat(after.getTargets()).containsExactly(TEST_DATABASE, PROD_DATABASE);
    }

    @Test
    void shouldKeepEveryRolloutFieldThroughTheStepForm(JenkinsRule j) throws Exception {
        BytebaseRolloutStep step = new BytebaseRolloutStep();
        step.setServer("sandbox");
        step.setCredentialsId("bytebase-token");
        step.setProject(PROJECT);
        step.setTargets(List.of(TEST_DATABASE, PROD_DATABASE));
        step.setFilePattern("migrations/*.sql");
        step.setTargetStage("environments/test");
        step.setTimeout(45);
        step.setCancelOnAbort(false);
        step.setReleaseIdTemplate("release_{date}-RC{iteration}");
        step.setOutputFile("rollout.json");

        Fixtures.configureServer("https://bytebase.example.com", "bytebase-token");

        BytebaseRolloutStep after = new StepConfigTester(j).configRoundTrip(step);

        j.assertEqualDataBoundBeans(step, after);
        assertThat(after.getTargets()).containsExactly(TEST_DATABASE, PROD_DATABASE);
    }
}
