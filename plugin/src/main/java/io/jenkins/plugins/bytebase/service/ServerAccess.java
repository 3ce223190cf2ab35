package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import io.jenkins.plugins.bytebase.config.BytebaseGlobalConfiguration;
import io.jenkins.plugins.bytebase.config.BytebaseServer;
import io.jenkins.plugins.bytebase.config.SharedConnections;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseConnection;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import java.util.function.Consumer;

/**
 * A build's way to one configured Bytebase server: the server's name and the build's credentials, looked up once
 * ({@link Connections#access}). Its clients come from the server's shared connection as it is when asked for, so that
 * a step that waits for a long time moves to the new connection after the global configuration or the Jenkins proxy
 * settings changed. Holds a secret inside {@link Credentials}: never persisted.
 */
public final class ServerAccess {

    private final String serverName;
    private final Credentials credentials;

    ServerAccess(String serverName, Credentials credentials) {
        this.serverName = serverName;
        this.credentials = credentials;
    }

    /** The configured server's name, to find the same server again after a restart. */
    public String serverName() {
        return serverName;
    }

    /**
     * A client on the server's shared connection; cheap.
     *
     * @param logger where the client's notes go (version warnings, retries)
     * @throws AbortException when the server is no longer configured or its settings cannot be used
     */
    public BytebaseClient client(Consumer<String> logger) throws AbortException {
        return connection().client(credentials, logger);
    }

    /**
     * The client to use now: {@code held} while it is on the server's shared connection, a new one when that
     * connection was replaced. {@code held} goes on being used when the server's settings can no longer be used (it
     * was removed from the configuration, say): what the build started with still works.
     *
     * @param held the client used so far, or {@code null} for none yet
     * @throws AbortException when there is no client yet and the server cannot be used
     */
    public BytebaseClient current(BytebaseClient held, Consumer<String> logger) throws AbortException {
        BytebaseConnection now;
        try {
            now = connection();
        } catch (AbortException unusable) {
            if (held == null) {
                throw unusable;
            }
            return held;
        }
        if (held != null && held.connection() == now) {
            return held;
        }
        return now.client(credentials, logger);
    }

    private BytebaseConnection connection() throws AbortException {
        BytebaseServer server = BytebaseGlobalConfiguration.get().findServer(serverName);
        try {
            return SharedConnections.of(server);
        } catch (IllegalArgumentException e) {
            // A URL that is not absolute http(s), or a refused custom header: a configuration error, not a crash.
            throw new AbortException(Messages.Connections_BadServer(server.getName(), e.getMessage()));
        }
    }
}
