package io.jenkins.plugins.bytebase.core.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as one attempt sends it: its length, counted once, and each stream the JDK opens on it. Keeps the
 * first failure to produce the bytes, and a body that gives other than its length, so the sender can report that
 * rather than the JDK's "too few bytes" (JDK 17 takes a failed read for the end of the body).
 */
final class SentBody {

    private final RequestBody body;
    private final long length;
    private volatile Throwable failure;

    /** @throws HttpExecutor.UnwritableBody when the body's length cannot be found */
    SentBody(RequestBody body) throws HttpExecutor.UnwritableBody {
        this.body = body;
        try {
            this.length = body.length();
        } catch (IOException | RuntimeException e) {
            throw new HttpExecutor.UnwritableBody(e);
        }
    }

    long length() {
        return length;
    }

    /** Why the body could not be sent as promised, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    InputStream open() {
        return new InputStream() {
            private InputStream bytes;
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                try {
                    if (bytes == null) {
                        bytes = body.open();
                    }
                    int n = bytes.read(buffer, offset, count);
                    read += Math.max(n, 0);
                    if (n < 0 && read < length) {
                        throw new IOException("the body ended after " + read + " of its " + length + " bytes");
                    }
                    if (read > length) {
                        throw new IOException("the body is longer than its " + length + " bytes");
                    }
                    return n;
                } catch (IOException | RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                    throw e instanceof IOException io ? io : new IOException(e);
                }
            }
        };
    }
}
