package io.jenkins.plugins.bytebase.core.client;

/** A project, plan, rollout, database or group does not exist or is not visible to the account (HTTP 404). */
public class BytebaseNotFoundException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    public BytebaseNotFoundException(
            int status, String serverCode, String serverMessage, String remedy, Throwable cause) {
        super(status, serverCode, serverMessage, remedy, cause);
    }
}
