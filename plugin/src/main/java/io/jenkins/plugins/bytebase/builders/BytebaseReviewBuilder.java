package io.jenkins.plugins.bytebase.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import io.jenkins.plugins.bytebase.service.ReviewRunner;
import io.jenkins.plugins.bytebase.steps.BytebaseReviewStep;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Freestyle "Bytebase SQL review". Its parameters are a {@link BytebaseReviewStep}, so each option exists once and
 * both front ends run the same {@link ReviewRunner}. No symbol: in Pipeline use {@code bytebaseReview}.
 */
public class BytebaseReviewBuilder extends Builder implements SimpleBuildStep {

    private final BytebaseReviewStep review;

    @DataBoundConstructor
    public BytebaseReviewBuilder(BytebaseReviewStep review) {
        this.review = review == null ? new BytebaseReviewStep() : review;
    }

    public BytebaseReviewStep getReview() {
        return review;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        ReviewRunner.run(review.toOptions(), run, workspace, listener);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BytebaseReviewBuilder_DisplayName();
        }

        @Override
        public Builder newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, Forms.nestedTargetsAsArray(formData, "review"));
        }
    }
}
