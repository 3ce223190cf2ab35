package io.jenkins.plugins.bytebase.core.client;

/** The account lacks a permission (HTTP 403), typically the GitOps Service Agent role in the project. */
public class BytebasePermissionException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    public BytebasePermissionException(
            int status, String serverCode, String serverMessage, String remedy, Throwable cause) {
        super(status, serverCode, serverMessage, remedy, cause);
    }
}
