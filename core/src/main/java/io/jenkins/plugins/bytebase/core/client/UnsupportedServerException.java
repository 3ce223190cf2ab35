package io.jenkins.plugins.bytebase.core.client;

/** The server's version is outside the window this client supports; no call is made to it. */
public class UnsupportedServerException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    public UnsupportedServerException(
            int status, String serverCode, String serverMessage, String remedy, Throwable cause) {
        super(status, serverCode, serverMessage, remedy, cause);
    }
}
