package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.config.BytebaseCredentials;
import io.jenkins.plugins.bytebase.config.BytebaseGlobalConfiguration;
import io.jenkins.plugins.bytebase.config.BytebaseServer;
import io.jenkins.plugins.bytebase.config.ClientFactory;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;

/** Resolves a step's server and credentials into a client, inside a build. */
public final class Connections {

    private Connections() {}

    /**
     * @param serverName the step's {@code server}, or {@code null} for the first configured server
     * @param credentialsId the step's {@code credentialsId}, or {@code null} for the server's
     */
    public static BytebaseClient client(String serverName, String credentialsId, Run<?, ?> run, TaskListener listener)
            throws AbortException {
        BytebaseServer server = BytebaseGlobalConfiguration.get().findServer(serverName);
        String id = credentialsId != null ? credentialsId : server.getCredentialsId();
        if (id == null) {
            throw new AbortException(Messages.Connections_NoCredentials(server.getName()));
        }
        Credentials credentials = BytebaseCredentials.forRun(id, run);
        listener.getLogger().println(Messages.Connections_Using(server.getName(), server.getUrl(), credentials.principal()));
        try {
            return ClientFactory.create(
                    server, credentials, line -> listener.getLogger().println("[Bytebase] " + line));
        } catch (IllegalArgumentException e) {
            // A URL that is not absolute http(s), or a refused custom header: a configuration error, not a crash.
            throw new AbortException(Messages.Connections_BadServer(server.getName(), e.getMessage()));
        }
    }
}
