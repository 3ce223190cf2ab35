package io.jenkins.plugins.bytebase.cli;

/** Options that cannot work together or values that cannot be right; exit code 2. The message says what to fix. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
