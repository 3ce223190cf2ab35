package io.jenkins.plugins.bytebase.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * Turns a Jenkins credential into the engine's {@link Credentials}: "Username with password" is a service account
 * (email and secret), "Secret text" is an access token. Secrets leave this class only inside that object.
 */
public final class BytebaseCredentials {

    private BytebaseCredentials() {}

    /** The kinds of credentials the list boxes offer. */
    static CredentialsMatcher supported() {
        return CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class));
    }

    /** Inside a build: finds the credential in the run's context, checks its type and records its use. */
    public static Credentials forRun(String credentialsId, Run<?, ?> run) throws AbortException {
        StandardCredentials found = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (found == null) {
            throw new AbortException(Messages.BytebaseCredentials_NotFound(credentialsId));
        }
        Credentials converted = convert(credentialsId, found);
        CredentialsProvider.track(run, found);
        return converted;
    }

    /** For the global "Test connection" button: credentials defined on the Jenkins level, looked up as SYSTEM. */
    static Credentials forGlobalTest(String credentialsId) throws AbortException {
        List<StandardCredentials> all = CredentialsProvider.lookupCredentialsInItemGroup(
                StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        StandardCredentials found = CredentialsMatchers.firstOrNull(all, CredentialsMatchers.withId(credentialsId));
        if (found == null) {
            throw new AbortException(Messages.BytebaseCredentials_NotFound(credentialsId));
        }
        return convert(credentialsId, found);
    }

    /** Fills a global list box (the caller has checked {@link Jenkins#ADMINISTER}). */
    static void includeGlobal(StandardListBoxModel model) {
        model.includeEmptyValue();
        model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), supported());
    }

    /** Fills a job's list box with what the job's builds may use (the caller has checked the permission). */
    public static void includeForItem(StandardListBoxModel model, Item item) {
        model.includeEmptyValue();
        Authentication authentication =
                item instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) item) : ACL.SYSTEM2;
        model.includeMatchingAs(authentication, item, StandardCredentials.class, List.of(), supported());
    }

    private static Credentials convert(String credentialsId, StandardCredentials found) throws AbortException {
        if (found instanceof StandardUsernamePasswordCredentials) {
            StandardUsernamePasswordCredentials account = (StandardUsernamePasswordCredentials) found;
            return Credentials.serviceAccount(
                    account.getUsername(), account.getPassword().getPlainText());
        }
        if (found instanceof StringCredentials) {
            return Credentials.accessToken(((StringCredentials) found).getSecret().getPlainText());
        }
        throw new AbortException(
                Messages.BytebaseCredentials_WrongType(credentialsId, found.getClass().getSimpleName()));
    }
}
