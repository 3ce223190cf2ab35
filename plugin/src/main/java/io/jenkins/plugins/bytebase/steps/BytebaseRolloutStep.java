package io.jenkins.plugins.bytebase.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code bytebaseRollout}: creates a release, plan and rollout from the migration files (or continues {@code plan})
 * and runs it stage by stage up to {@code targetStage}, waiting without holding an executor. Also the parameters of
 * the freestyle "Bytebase rollout" builder.
 */
public class BytebaseRolloutStep extends Step {

    private String server;
    private String credentialsId;
    private String project;
    private List<String> targets = new ArrayList<>();
    private String filePattern;
    private boolean declarative;
    private String targetStage;
    private String plan;
    private int timeout;
    private boolean cancelOnAbort = true;
    private String releaseIdTemplate;
    private String outputFile;

    @DataBoundConstructor
    public BytebaseRolloutStep() {}

    public String getServer() {
        return server;
    }

    @DataBoundSetter
    public void setServer(String server) {
        this.server = Util.fixEmptyAndTrim(server);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    public List<String> getTargets() {
        return targets == null ? List.of() : targets;
    }

    @DataBoundSetter
    public void setTargets(List<String> targets) {
        this.targets = StepForms.cleanTargets(targets);
    }

    /** The targets one per line, for the form. */
    public String getTargetsText() {
        return StepForms.joinTargets(getTargets());
    }

    public String getFilePattern() {
        return filePattern;
    }

    @DataBoundSetter
    public void setFilePattern(String filePattern) {
        this.filePattern = Util.fixEmptyAndTrim(filePattern);
    }

    public boolean isDeclarative() {
        return declarative;
    }

    @DataBoundSetter
    public void setDeclarative(boolean declarative) {
        this.declarative = declarative;
    }

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

    @Override
    public StepExecution start(StepContext context) {
        return new RolloutStepExecution(context, this);
    }

    @Override
    public String toString() {
        return "bytebaseRollout[server=" + server + ", credentialsId=" + credentialsId + ", project=" + project
                + ", targets=" + getTargets() + ", filePattern=" + filePattern + ", plan=" + plan
                + ", targetStage=" + targetStage + "]";
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {

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

        @Override
        public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, StepForms.targetsAsArray(formData));
        }

        public ListBoxModel doFillServerItems() {
            return StepForms.serverItems();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentialsItems(item, credentialsId);
        }

        public FormValidation doCheckProject(@QueryParameter String value) {
            return StepForms.required(value, Messages.Step_ProjectRequired());
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
