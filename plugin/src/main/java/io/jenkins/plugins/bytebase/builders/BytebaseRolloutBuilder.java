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
import io.jenkins.plugins.bytebase.service.RolloutRunner;
import io.jenkins.plugins.bytebase.steps.BytebaseRolloutStep;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Freestyle "Bytebase rollout". Holds the executor until the target stage is done (freestyle builds cannot pause);
 * aborting the build cancels the Bytebase task runs when {@code cancelOnAbort} is set. No symbol: in Pipeline use
 * {@code bytebaseRollout}, which waits without an executor.
 */
public class BytebaseRolloutBuilder extends Builder implements SimpleBuildStep {

    private final BytebaseRolloutStep rollout;

    @DataBoundConstructor
    public BytebaseRolloutBuilder(BytebaseRolloutStep rollout) {
        this.rollout = rollout == null ? new BytebaseRolloutStep() : rollout;
    }

    public BytebaseRolloutStep getRollout() {
        return rollout;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        RolloutRunner.runBlocking(rollout.toOptions(), run, workspace, listener);
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
            return Messages.BytebaseRolloutBuilder_DisplayName();
        }

        @Override
        public Builder newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, Forms.nestedTargetsAsArray(formData, "rollout"));
        }
    }
}
