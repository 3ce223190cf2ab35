package io.jenkins.plugins.bytebase.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.bytebase.core.review.CheckPolicy;
import io.jenkins.plugins.bytebase.service.ReviewOptions;
import io.jenkins.plugins.bytebase.service.ReviewOutcome;
import io.jenkins.plugins.bytebase.service.ReviewRunner;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code bytebaseReview}: sends the migration files to Bytebase's SQL review and reports the findings. Also the
 * parameters of the freestyle "Bytebase SQL review" builder.
 */
public class BytebaseReviewStep extends BytebaseStep {

    public static final String DEFAULT_CHECK_RELEASE = "FAIL_ON_ERROR";
    public static final String DEFAULT_WARNING_RESULT = "UNSTABLE";
    public static final String DEFAULT_SARIF_FILE = "bytebase-review.sarif";
    public static final String DEFAULT_JSON_FILE = "bytebase-review.json";

    private String checkRelease;
    private String warningResult;
    private String sarifFile;
    private String jsonFile;
    private String markdownFile;
    private boolean publishChecks = true;
    private String customRules;

    @DataBoundConstructor
    public BytebaseReviewStep() {}

    public String getCheckRelease() {
        return checkRelease == null ? DEFAULT_CHECK_RELEASE : checkRelease;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @DataBoundSetter
    public void setCheckRelease(String checkRelease) {
        String value = Util.fixEmptyAndTrim(checkRelease);
        if (value == null) {
            this.checkRelease = null;
            return;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        try {
            CheckPolicy.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.BytebaseReviewStep_BadCheckRelease(value), e);
        }
        this.checkRelease = DEFAULT_CHECK_RELEASE.equals(upper) ? null : upper;
    }

    public String getWarningResult() {
        return warningResult == null ? DEFAULT_WARNING_RESULT : warningResult;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @DataBoundSetter
    public void setWarningResult(String warningResult) {
        String value = Util.fixEmptyAndTrim(warningResult);
        if (value == null) {
            this.warningResult = null;
            return;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.equals("UNSTABLE") && !upper.equals("SUCCESS") && !upper.equals("FAILURE")) {
            throw new IllegalArgumentException(Messages.BytebaseReviewStep_BadWarningResult(value));
        }
        this.warningResult = DEFAULT_WARNING_RESULT.equals(upper) ? null : upper;
    }

    public String getSarifFile() {
        return sarifFile == null ? DEFAULT_SARIF_FILE : sarifFile;
    }

    @DataBoundSetter
    public void setSarifFile(String sarifFile) {
        String value = Util.fixEmptyAndTrim(sarifFile);
        this.sarifFile = DEFAULT_SARIF_FILE.equals(value) ? null : value;
    }

    public String getJsonFile() {
        return jsonFile == null ? DEFAULT_JSON_FILE : jsonFile;
    }

    @DataBoundSetter
    public void setJsonFile(String jsonFile) {
        String value = Util.fixEmptyAndTrim(jsonFile);
        this.jsonFile = DEFAULT_JSON_FILE.equals(value) ? null : value;
    }

    public String getMarkdownFile() {
        return markdownFile;
    }

    @DataBoundSetter
    public void setMarkdownFile(String markdownFile) {
        this.markdownFile = Util.fixEmptyAndTrim(markdownFile);
    }

    public boolean isPublishChecks() {
        return publishChecks;
    }

    @DataBoundSetter
    public void setPublishChecks(boolean publishChecks) {
        this.publishChecks = publishChecks;
    }

    public String getCustomRules() {
        return customRules;
    }

    @DataBoundSetter
    public void setCustomRules(String customRules) {
        this.customRules = Util.fixEmptyAndTrim(customRules);
    }

    /** The options as plain values, for the runner; the freestyle builder uses them too. */
    public ReviewOptions toOptions() {
        return new ReviewOptions(
                getServer(),
                getCredentialsId(),
                getProject(),
                getTargets(),
                getFilePattern(),
                isDeclarative(),
                getCheckRelease(),
                getWarningResult(),
                getSarifFile(),
                getJsonFile(),
                getMarkdownFile(),
                isPublishChecks(),
                getCustomRules());
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, toOptions());
    }

    @Override
    public String toString() {
        return "bytebaseReview[" + describeCommon() + ", checkRelease=" + getCheckRelease() + "]";
    }

    /**
     * A short call: holds a thread for the length of one request, like other reporting steps. A review that marks the
     * build UNSTABLE marks its own stage too, as the {@code unstable} step does.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "this execution cannot resume")
        private final transient ReviewOptions options;

        Execution(StepContext context, ReviewOptions options) {
            super(context);
            this.options = options;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            FilePath workspace = context.get(FilePath.class);
            ReviewOutcome outcome =
                    ReviewRunner.run(options, context.get(Run.class), workspace, context.get(TaskListener.class));
            if (outcome.unstable()) {
                StageResults.markUnstable(context, outcome.unstableReason());
            }
            return outcome.values();
        }
    }

    @Extension
    public static class DescriptorImpl extends BytebaseStepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, FlowNode.class);
        }

        @Override
        public String getFunctionName() {
            return "bytebaseReview";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BytebaseReviewStep_DisplayName();
        }

        public ListBoxModel doFillCheckReleaseItems() {
            return StepForms.checkReleaseItems();
        }

        public ListBoxModel doFillWarningResultItems() {
            return StepForms.warningResultItems();
        }

        public FormValidation doCheckFilePattern(@QueryParameter String value) {
            return StepForms.required(value, Messages.Step_FilePatternRequired());
        }

        public FormValidation doCheckTargets(@QueryParameter String value) {
            return StepForms.splitTargets(value).isEmpty()
                    ? FormValidation.error(Messages.Step_TargetsRequired())
                    : FormValidation.ok();
        }
    }
}
