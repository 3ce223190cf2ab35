package io.jenkins.plugins.bytebase.core.client;

/**
 * A failed call to Bytebase. Carries the HTTP status (0 when no response arrived), the server's error code and
 * message, and a sentence that tells the user what to do. Never carries a secret or a token.
 */
public class BytebaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverCode;
    private final String serverMessage;
    private final String remedy;

    public BytebaseException(int status, String serverCode, String serverMessage, String remedy, Throwable cause) {
        super(compose(status, serverMessage, remedy), cause);
        this.status = status;
        this.serverCode = serverCode == null ? "" : serverCode;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.remedy = remedy == null ? "" : remedy;
    }

    /** HTTP status of the answer, or 0 when the server did not answer. */
    public int status() {
        return status;
    }

    /** The server's error code (gRPC code name or number as sent), or empty. */
    public String serverCode() {
        return serverCode;
    }

    /** The server's own message, or empty. */
    public String serverMessage() {
        return serverMessage;
    }

    /** What the user should do about it. */
    public String remedy() {
        return remedy;
    }

    private static String compose(int status, String serverMessage, String remedy) {
        StringBuilder text = new StringBuilder();
        if (status > 0) {
            text.append("Bytebase answered HTTP ").append(status);
            if (serverMessage != null && !serverMessage.isBlank()) {
                text.append(": ").append(serverMessage);
            }
        } else if (serverMessage != null && !serverMessage.isBlank()) {
            text.append(serverMessage);
        }
        if (remedy != null && !remedy.isBlank()) {
            if (text.length() > 0) {
                text.append(". ");
            }
            text.append(remedy);
        }
        return text.toString();
    }
}
