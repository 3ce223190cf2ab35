package io.jenkins.plugins.bytebase.cli.vcs;

/** A call to a code host that failed; the message names the request and the answer, never a token. */
public final class VcsCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VcsCallException(String message) {
        super(message);
    }

    public VcsCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
