package io.jenkins.plugins.bytebase.cli;

/** The command ran but cannot succeed (exit code 1); the message says why. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
