package io.jenkins.plugins.bytebase.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnection;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.client.ServerInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One Bytebase server: where it is, how to log in, and how long to wait for an answer. */
public class BytebaseServer extends AbstractDescribableImpl<BytebaseServer> {

    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    private final String name;
    private final String url;
    private String credentialsId;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private List<CustomHeader> customHeaders = new ArrayList<>();

    @DataBoundConstructor
    public BytebaseServer(String name, String url) {
        this.name = Util.fixEmptyAndTrim(name);
        this.url = stripTrailingSlash(Util.fixEmptyAndTrim(url));
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
    }

    public List<CustomHeader> getCustomHeaders() {
        return customHeaders == null ? List.of() : customHeaders;
    }

    @DataBoundSetter
    public void setCustomHeaders(List<CustomHeader> customHeaders) {
        this.customHeaders = customHeaders == null ? new ArrayList<>() : new ArrayList<>(customHeaders);
    }

    /** Older configurations saved before a field existed get its default. */
    protected Object readResolve() {
        if (timeoutSeconds <= 0) {
            timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        }
        if (customHeaders == null) {
            customHeaders = new ArrayList<>();
        }
        return this;
    }

    @Override
    public String toString() {
        return "BytebaseServer[" + name + ", " + url + ", credentialsId=" + credentialsId + "]";
    }

    private static String stripTrailingSlash(String value) {
        if (value == null) {
            return null;
        }
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Why a URL cannot be used, or {@code null} when it is an absolute http or https URL. */
    static String urlProblem(String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return Messages.BytebaseServer_UrlRequired();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (!uri.isAbsolute()
                    || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return Messages.BytebaseServer_UrlNotHttp(text);
            }
            return null;
        } catch (URISyntaxException e) {
            return Messages.BytebaseServer_UrlMalformed(text, e.getReason());
        }
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<BytebaseServer> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BytebaseServer_DisplayName();
        }

        public int getDefaultTimeoutSeconds() {
            return DEFAULT_TIMEOUT_SECONDS;
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.error(Messages.BytebaseServer_NameRequired());
            }
            return FormValidation.ok();
        }

        public FormValidation doCheckUrl(@QueryParameter String value) {
            String problem = urlProblem(value);
            return problem == null ? FormValidation.ok() : FormValidation.error(problem);
        }

        public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
            try {
                if (Integer.parseInt(value.trim()) > 0) {
                    return FormValidation.ok();
                }
            } catch (RuntimeException e) {
                // reported below
            }
            return FormValidation.error(Messages.BytebaseServer_TimeoutPositive());
        }

        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.warning(Messages.BytebaseServer_CredentialsMissing());
            }
            return FormValidation.ok();
        }

        /** The credentials on the global page: listed for administrators only, as the credentials rules ask. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            StandardListBoxModel model = new StandardListBoxModel();
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                model.includeCurrentValue(credentialsId);
                return model;
            }
            BytebaseCredentials.includeGlobal(model);
            model.includeCurrentValue(credentialsId);
            return model;
        }

        /** Logs in, reads the version and says whether this plugin supports it. Never shows a secret. */
        @POST
        public FormValidation doTestConnection(
                @QueryParameter String url,
                @QueryParameter String credentialsId,
                @QueryParameter String timeoutSeconds) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String problem = urlProblem(url);
            if (problem != null) {
                return FormValidation.error(problem);
            }
            if (Util.fixEmptyAndTrim(credentialsId) == null) {
                return FormValidation.error(Messages.BytebaseServer_CredentialsMissing());
            }
            try {
                Credentials credentials = BytebaseCredentials.forGlobalTest(credentialsId.trim());
                BytebaseServer server = new BytebaseServer("test", url);
                server.setTimeoutSeconds(parseTimeout(timeoutSeconds));
                ServerInfo info;
                // The form's values may be unsaved: a connection of its own, so that the shared one stays as saved.
                try (BytebaseConnection connection = SharedConnections.unshared(server)) {
                    info = connection.client(credentials, line -> {}).serverInfo();
                }
                switch (info.compatibility()) {
                    case SUPPORTED:
                        return FormValidation.ok(Messages.BytebaseServer_Connected(info.version(), info.message()));
                    case WARNING:
                        return FormValidation.warning(
                                Messages.BytebaseServer_Connected(info.version(), info.message()));
                    default:
                        return FormValidation.error(
                                Messages.BytebaseServer_Unsupported(info.version(), info.message()));
                }
            } catch (BytebaseException e) {
                return FormValidation.error(Messages.BytebaseServer_ConnectionFailed(e.getMessage()));
            } catch (hudson.AbortException e) {
                return FormValidation.error(e.getMessage());
            } catch (RuntimeException e) {
                return FormValidation.error(
                        Messages.BytebaseServer_ConnectionFailed(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }

        private static int parseTimeout(String value) {
            try {
                int seconds = Integer.parseInt(value == null ? "" : value.trim());
                return seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS;
            } catch (NumberFormatException e) {
                return DEFAULT_TIMEOUT_SECONDS;
            }
        }
    }
}
