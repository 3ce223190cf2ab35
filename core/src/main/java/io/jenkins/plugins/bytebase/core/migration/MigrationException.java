package io.jenkins.plugins.bytebase.core.migration;

/** Migration files that cannot be sent; the message names the file (or root and pattern) and what to fix. */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
