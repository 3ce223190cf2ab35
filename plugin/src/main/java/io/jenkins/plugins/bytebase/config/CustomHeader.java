package io.jenkins.plugins.bytebase.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/** An extra HTTP header sent with every request, for access proxies in front of Bytebase. */
public class CustomHeader extends AbstractDescribableImpl<CustomHeader> {

    private final String name;
    private final Secret value;

    @DataBoundConstructor
    public CustomHeader(String name, Secret value) {
        this.name = Util.fixEmptyAndTrim(name);
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public Secret getValue() {
        return value;
    }

    /** The plain value, for the HTTP client only. */
    String plainValue() {
        return value == null ? "" : value.getPlainText();
    }

    @Override
    public String toString() {
        return "CustomHeader[" + name + ": ****]";
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<CustomHeader> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CustomHeader_DisplayName();
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            String name = Util.fixEmptyAndTrim(value);
            if (name == null) {
                return FormValidation.error(Messages.CustomHeader_NameRequired());
            }
            if (name.equalsIgnoreCase("Authorization")) {
                return FormValidation.error(Messages.CustomHeader_NoAuthorization());
            }
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                return FormValidation.error(Messages.CustomHeader_BadName());
            }
            return FormValidation.ok();
        }
    }
}
