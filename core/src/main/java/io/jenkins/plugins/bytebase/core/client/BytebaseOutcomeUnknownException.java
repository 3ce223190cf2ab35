package io.jenkins.plugins.bytebase.core.client;

/**
 * A request that changes something (a create, a task run) reached the server, or may have, and no answer came back:
 * the connection broke or the request timeout passed after it was sent. Whether Bytebase carried it out is unknown,
 * so it is never sent again blindly; the caller reads back what exists before doing anything else.
 */
public class BytebaseOutcomeUnknownException extends BytebaseException {

    private static final long serialVersionUID = 1L;

    public BytebaseOutcomeUnknownException(String serverMessage, String remedy, Throwable cause) {
        super(0, "", serverMessage, remedy, cause);
    }
}
