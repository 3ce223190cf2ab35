package io.jenkins.plugins.bytebase.core.client;

/** Bytebase refused the credentials (HTTP 401): a wrong service account or secret, or an expired access token. */
public class BytebaseAuthenticationException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    public BytebaseAuthenticationException(
            int status, String serverCode, String serverMessage, String remedy, Throwable cause) {
        super(status, serverCode, serverMessage, remedy, cause);
    }
}
