package io.jenkins.plugins.bytebase.builders;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.actions.ReviewAction;
import io.jenkins.plugins.bytebase.actions.RolloutAction;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.steps.BytebaseReviewStep;
import io.jenkins.plugins.bytebase.steps.BytebaseRolloutStep;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle builders: same parameters, same console output and build actions as the Pipeline steps. */
@WithJenkins
class FreestyleBuildersITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    @Test
    void shouldReviewThenRollOutInAFreestyleJob(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.useSandbox(sandbox);
        FreeStyleProject job = j.createFreeStyleProject("freestyle");
        j.jenkins.getWorkspaceFor(job).child(Fixtures.MIGRATION_PATH).write(Fixtures.NULLABLE_SQL, "UTF-8");
        job.getBuildersList().add(new BytebaseReviewBuilder(review()));
        job.getBuildersList().add(new BytebaseRolloutBuilder(rollout()));

        FreeStyleBuild build = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        assertThat(JenkinsRule.getLog(build))
                .contains(Fixtures.MIGRATION_PATH + ":3")
                .contains(sandbox.url() + "/" + PROJECT + "/plans/");
        ReviewAction review = build.getAction(ReviewAction.class);
        assertThat(review.getWarnings()).isEqualTo(1);
        assertThat(review.getFiles().get(0).getFindings().get(0).getLine()).isEqualTo(3);
        RolloutAction rollout = build.getAction(RolloutAction.class);
        assertThat(rollout.getPlan()).startsWith(PROJECT + "/plans/");
        assertThat(rollout.getStages())
                .extracting(RolloutAction.RolloutStage::getEnvironment, RolloutAction.RolloutStage::getStatus)
                .containsExactly(tuple("environments/test", "DONE"), tuple("environments/prod", "NOT_STARTED"));
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
        assertThat(sandbox.appliedVersions(BytebaseSandbox.PROD_DATABASE)).isEmpty();
        assertThat(j.jenkins.getWorkspaceFor(job).child("bytebase-review.sarif").exists())
                .isTrue();
    }

    @Test
    void shouldStopAfterAFailedReviewWithoutRollingOut(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        Fixtures.useSandbox(sandbox);
        FreeStyleProject job = j.createFreeStyleProject("freestyle");
        j.jenkins.getWorkspaceFor(job).child(Fixtures.MIGRATION_PATH).write(Fixtures.NULLABLE_SQL, "UTF-8");
        BytebaseReviewStep strict = review();
        strict.setCheckRelease("FAIL_ON_WARNING");
        job.getBuildersList().add(new BytebaseReviewBuilder(strict));
        job.getBuildersList().add(new BytebaseRolloutBuilder(rollout()));

        FreeStyleBuild build = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        assertThat(JenkinsRule.getLog(build)).contains("FAIL_ON_WARNING");
        assertThat(build.getAction(RolloutAction.class)).isNull();
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
    }

    @Test
    void shouldKeepBothBuildersThroughTheConfigurationPage(JenkinsRule j) throws Exception {
        BytebaseReviewStep review = review();
        review.setServer("sandbox");
        review.setCredentialsId("bytebase-token");
        review.setCheckRelease("FAIL_ON_WARNING");
        review.setWarningResult("FAILURE");
        review.setSarifFile("reports/review.sarif");
        review.setJsonFile("reports/review.json");
        review.setMarkdownFile("reports/review.md");
        review.setPublishChecks(false);
        review.setCustomRules("Every table has a primary key.");
        BytebaseRolloutStep rollout = rollout();
        rollout.setTargetStage("environments/prod");
        rollout.setTimeout(30);
        rollout.setCancelOnAbort(false);
        rollout.setReleaseIdTemplate("release_{date}-RC{iteration}");
        rollout.setOutputFile("rollout.json");

        // The server list box offers the configured servers only.
        Fixtures.configureServer("https://bytebase.example.com", "bytebase-token");

        BytebaseReviewBuilder reviewAfter = j.configRoundtrip(new BytebaseReviewBuilder(review));
        BytebaseRolloutBuilder rolloutAfter = j.configRoundtrip(new BytebaseRolloutBuilder(rollout));

        j.assertEqualDataBoundBeans(review, reviewAfter.getReview());
        j.assertEqualDataBoundBeans(rollout, rolloutAfter.getRollout());
        assertThat(rolloutAfter.getRollout().getTargets()).containsExactly(TEST_DATABASE, BytebaseSandbox.PROD_DATABASE);
    }

    private static BytebaseReviewStep review() {
        BytebaseReviewStep review = new BytebaseReviewStep();
        review.setProject(PROJECT);
        review.setTargets(List.of(TEST_DATABASE));
        review.setFilePattern("migrations/*.sql");
        return review;
    }

    private static BytebaseRolloutStep rollout() {
        BytebaseRolloutStep rollout = new BytebaseRolloutStep();
        rollout.setProject(PROJECT);
        rollout.setTargets(List.of(TEST_DATABASE, BytebaseSandbox.PROD_DATABASE));
        rollout.setFilePattern("migrations/*.sql");
        rollout.setTargetStage("environments/test");
        return rollout;
    }
}
