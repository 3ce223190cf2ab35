package io.jenkins.plugins.bytebase.core.client;

/** No answer within the request timeout (status 0). The request may still have been carried out. */
public class BytebaseTimeoutException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    public BytebaseTimeoutException(
            int status, String serverCode, String serverMessage, String remedy, Throwable cause) {
        super(status, serverCode, serverMessage, remedy, cause);
    }
}
