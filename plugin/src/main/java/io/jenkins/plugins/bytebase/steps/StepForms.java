package io.jenkins.plugins.bytebase.steps;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.bytebase.config.BytebaseCredentials;
import io.jenkins.plugins.bytebase.config.BytebaseGlobalConfiguration;
import io.jenkins.plugins.bytebase.config.BytebaseServer;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/** Form helpers both steps share (and the freestyle builders through them). */
final class StepForms {

    private StepForms() {}

    /** Splits the form's text (one target per line, or comma-separated) into the list Pipeline uses. */
    static List<String> splitTargets(String text) {
        List<String> targets = new ArrayList<>();
        if (text == null) {
            return targets;
        }
        for (String part : text.split("[,\\r\\n]+")) {
            String target = part.trim();
            if (!target.isEmpty()) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Trims each target and drops blank ones; never {@code null}. */
    static List<String> cleanTargets(List<String> targets) {
        List<String> result = new ArrayList<>();
        if (targets != null) {
            for (String target : targets) {
                if (target != null && !target.isBlank()) {
                    result.add(target.trim());
                }
            }
        }
        return result;
    }

    static String joinTargets(List<String> targets) {
        return targets == null ? "" : String.join("\n", targets);
    }

    /** The form sends {@code targets} as text; Stapler binds a JSON array to the list setter. */
    static JSONObject targetsAsArray(JSONObject formData) {
        Object targets = formData.opt("targets");
        if (targets instanceof String) {
            JSONObject copy = JSONObject.fromObject(formData);
            copy.put("targets", JSONArray.fromObject(splitTargets((String) targets)));
            return copy;
        }
        return formData;
    }

    static ListBoxModel serverItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.StepForms_DefaultServer(), "");
        for (BytebaseServer server : BytebaseGlobalConfiguration.get().getServers()) {
            items.add(server.getName() + " (" + server.getUrl() + ")", server.getName());
        }
        return items;
    }

    /** Credentials a job may use; only the current value for those who cannot configure the job. */
    static ListBoxModel credentialsItems(Item item, String credentialsId) {
        StandardListBoxModel model = new StandardListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.CONFIGURE);
        if (allowed && item != null) {
            BytebaseCredentials.includeForItem(model, item);
        } else if (allowed) {
            model.includeEmptyValue();
        }
        model.includeCurrentValue(credentialsId);
        return model;
    }

    static FormValidation required(String value, String message) {
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(message) : FormValidation.ok();
    }

    static ListBoxModel checkReleaseItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.CheckRelease_FailOnError(), "FAIL_ON_ERROR");
        items.add(Messages.CheckRelease_FailOnWarning(), "FAIL_ON_WARNING");
        items.add(Messages.CheckRelease_Skip(), "SKIP");
        return items;
    }

    static ListBoxModel warningResultItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.WarningResult_Unstable(), "UNSTABLE");
        items.add(Messages.WarningResult_Success(), "SUCCESS");
        items.add(Messages.WarningResult_Failure(), "FAILURE");
        return items;
    }
}
