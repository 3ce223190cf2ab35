package io.jenkins.plugins.bytebase.core.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON request body: its length, known before it is sent (the wire carries a {@code Content-Length}), and its bytes,
 * read from the start as often as needed: the replay after a 401 and each retry read them anew. A body must give the
 * same bytes every time; the request records are immutable, and the files' byte arrays are never modified once read.
 *
 * <p>Small bodies are held as bytes ({@link #of(byte[])}); a release is generated while it is sent ({@link
 * ReleaseBody}), so that its files are never in memory as one body of base64.
 */
interface RequestBody {

    /** The number of bytes {@link #open()} gives. */
    long length() throws IOException;

    /** A new stream of the body's bytes, from the first. */
    InputStream open() throws IOException;

    static RequestBody of(byte[] bytes) {
        return new RequestBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** A small value (a login, a plan), written to bytes now. */
    static RequestBody of(Object value) {
        return of(WireJson.writeBytes(value));
    }
}
