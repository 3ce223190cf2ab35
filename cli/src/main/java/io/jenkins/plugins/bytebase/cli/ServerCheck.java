package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.ServerInfo;

/** Logs in and reads the server's version first, so wrong credentials or URLs fail before any work. */
final class ServerCheck {

    private ServerCheck() {}

    /** @throws CommandFailure when the server's version is outside the supported window */
    static void verify(BytebaseClient client, CliEnvironment environment) {
        ServerInfo info = client.serverInfo();
        switch (info.compatibility()) {
            case SUPPORTED -> environment.err().println("Bytebase " + info.version() + " at " + client.serverUrl());
            case WARNING -> environment.err().println("Warning: " + info.message());
            case UNSUPPORTED -> throw new CommandFailure(info.message());
        }
    }
}
