package io.jenkins.plugins.bytebase.actions;

/**
 * Where one reviewed file's SQL is kept with the build: a plain class stored in {@code build.xml}, the SQL itself in a
 * file of its own beside it.
 */
public final class StoredSource {

    private final String path;
    private final String storedAs;
    private final long bytes;

    StoredSource(String path, String storedAs, long bytes) {
        this.path = path;
        this.storedAs = storedAs;
        this.bytes = bytes;
    }

    /** The file's path in the workspace, as the review names it. */
    public String getPath() {
        return path;
    }

    /** The name of the file holding the SQL, or {@code null} when it was too large to keep. */
    String getStoredAs() {
        return storedAs;
    }

    public long getBytes() {
        return bytes;
    }
}
