package io.jenkins.plugins.bytebase.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.bytebase.service.RolloutOptions;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code bytebaseRollout}: creates a release, plan and rollout from the migration files (or continues {@code plan})
 * and runs it stage by stage up to {@code targetStage}, waiting without holding an executor. Also the parameters of
 * the freestyle "Bytebase rollout" builder.
 */
public class BytebaseRolloutStep extends BytebaseStep {

    private String targetStage;
    private String plan;
    private int timeout;
    private boolean cancelOnAbort = true;
    private String releaseIdTemplate;
    private String outputFile;

    @DataBoundConstructor
    public BytebaseRolloutStep() {}

    public String getTargetStage() {
        return targetStage;
    }

    @DataBoundSetter
    public void setTargetStage(String targetStage) {
        this.targetStage = Util.fixEmptyAndTrim(targetStage);
    }

    public String getPlan() {
        return plan;
    }

    @DataBoundSetter
    public void setPlan(String plan) {
        this.plan = Util.fixEmptyAndTrim(plan);
    }

    /** Minutes to wait for the rollout; 0 waits as long as it takes. */
    public int getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(int timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException(Messages.BytebaseRolloutStep_NegativeTimeout(timeout));
        }
        this.timeout = timeout;
    }

    public boolean isCancelOnAbort() {
        return cancelOnAbort;
    }

    @DataBoundSetter
    public void setCancelOnAbort(boolean cancelOnAbort) {
        this.cancelOnAbort = cancelOnAbort;
    }

    public String getReleaseIdTemplate() {
        return releaseIdTemplate;
    }

    @DataBoundSetter
    public void setReleaseIdTemplate(String releaseIdTemplate) {
        this.releaseIdTemplate = Util.fixEmptyAndTrim(releaseIdTemplate);
    }

    public String getOutputFile() {
        return outputFile;
    }

    @DataBoundSetter
    public void setOutputFile(String outputFile) {
        this.outputFile = Util.fixEmptyAndTrim(outputFile);
    }

    /** The options as plain values, for the runner; the freestyle builder uses them too. */
    public RolloutOptions toOptions() {
        return new RolloutOptions(
                getServer(),
                getCredentialsId(),
                getProject(),
                getTargets(),
                getFilePattern(),
                isDeclarative(),
                plan,
                targetStage,
                timeout,
                cancelOnAbort,
                releaseIdTemplate,
                outputFile);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RolloutStepExecution(context, toOptions());
    }

    @Override
    public String toString() {
        return "bytebaseRollout[" + describeCommon() + ", plan=" + plan + ", targetStage=" + targetStage + "]";
    }

    @Extension
    public static class DescriptorImpl extends BytebaseStepDescriptor {

        /** A workspace is needed only to read files; continuing a {@code plan} works outside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "bytebaseRollout";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BytebaseRolloutStep_DisplayName();
        }

        public FormValidation doCheckTimeout(@QueryParameter String value) {
            try {
                if (Util.fixEmptyAndTrim(value) == null || Integer.parseInt(value.trim()) >= 0) {
                    return FormValidation.ok();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return FormValidation.error(Messages.BytebaseRolloutStep_TimeoutNotNumber());
        }

        public FormValidation doCheckTargetStage(@QueryParameter String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.warning(Messages.BytebaseRolloutStep_NoTargetStage());
            }
            return FormValidation.ok();
        }
    }
}
