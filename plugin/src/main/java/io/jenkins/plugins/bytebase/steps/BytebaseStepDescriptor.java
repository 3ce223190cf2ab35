package io.jenkins.plugins.bytebase.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/** The form behaviour of the options in {@link BytebaseStep}, shared by both steps' descriptors. */
public abstract class BytebaseStepDescriptor extends StepDescriptor {

    /** The form sends {@code targets} as text, one per line; the step takes a list. */
    @Override
    public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        return super.newInstance(req, targetsAsArray(formData));
    }

    /**
     * A step's form data with its {@code targets} text (one per line, or comma-separated) turned into the list the
     * step binds; also used by the freestyle builders, whose form holds the step as a nested object.
     */
    public static JSONObject targetsAsArray(JSONObject stepFormData) {
        return StepForms.targetsAsArray(stepFormData);
    }

    public ListBoxModel doFillServerItems() {
        return StepForms.serverItems();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return StepForms.credentialsItems(item, credentialsId);
    }

    public FormValidation doCheckProject(@QueryParameter String value) {
        return StepForms.required(value, Messages.Step_ProjectRequired());
    }
}
