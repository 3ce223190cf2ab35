package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.config.BytebaseCredentials;
import io.jenkins.plugins.bytebase.config.BytebaseGlobalConfiguration;
import io.jenkins.plugins.bytebase.config.BytebaseServer;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import java.util.function.Consumer;

/**
 * Resolves a step's server and credentials inside a build. Every client is made from the server's shared connection,
 * so all builds share its HTTP connections, its logins and its version probe.
 */
public final class Connections {

    private Connections() {}

    /**
     * Finds the server and the credentials and says on the console which are used.
     *
     * @param serverName the step's {@code server}, or {@code null} for the first configured server
     * @param credentialsId the step's {@code credentialsId}, or {@code null} for the server's
     */
    public static ServerAccess access(String serverName, String credentialsId, Run<?, ?> run, TaskListener listener)
            throws AbortException {
        BytebaseServer server = BytebaseGlobalConfiguration.get().findServer(serverName);
        String id = credentialsId != null ? credentialsId : server.getCredentialsId();
        if (id == null) {
            throw new AbortException(Messages.Connections_NoCredentials(server.getName()));
        }
        Credentials credentials = BytebaseCredentials.forRun(id, run);
        listener.getLogger()
                .println(Messages.Connections_Using(server.getName(), server.getUrl(), credentials.principal()));
        return new ServerAccess(server.getName(), credentials);
    }

    /** A client whose notes (version warnings, retries) go to the build's console. */
    public static BytebaseClient client(String serverName, String credentialsId, Run<?, ?> run, TaskListener listener)
            throws AbortException {
        return access(serverName, credentialsId, run, listener).client(console(listener));
    }

    /** The console as a client's logger. */
    public static Consumer<String> console(TaskListener listener) {
        return line -> listener.getLogger().println("[Bytebase] " + line);
    }
}
