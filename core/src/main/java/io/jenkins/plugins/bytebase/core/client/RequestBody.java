package io.jenkins.plugins.bytebase.core.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON request body, written when it is sent rather than kept as bytes for the whole exchange: a release of
 * thousands of files is several MiB of base64, and only the one replay after a 401 needs it again, which writes it
 * anew from the same request object. The object must not change between the attempts; the request records are
 * immutable, and the files' byte arrays are never modified once read.
 */
@FunctionalInterface
interface RequestBody {

    /** Writes the body in UTF-8; each call writes the same bytes. */
    void writeTo(OutputStream out) throws IOException;

    static RequestBody of(Object value) {
        return out -> WireJson.mapper().writeValue(out, value);
    }

    static RequestBody of(byte[] bytes) {
        return out -> out.write(bytes);
    }

    /** The body written out in chunks; its length is known before it is sent, so the wire keeps Content-Length. */
    default Chunks write() {
        Chunks chunks = new Chunks();
        try {
            writeTo(chunks);
        } catch (IOException e) {
            // Only our own records are written, into memory; failing here is a programming error, not bad input.
            throw new UncheckedIOException("cannot write request JSON", e);
        }
        return chunks;
    }

    /**
     * The written body in 64 KiB arrays, never joined into one; reading lets go of each array once it is sent, so a
     * large body shrinks while it goes out.
     */
    final class Chunks extends OutputStream {

        private static final int CHUNK = 64 * 1024;

        private final List<byte[]> full = new ArrayList<>();
        private byte[] current = new byte[256];
        private int used;
        private long length;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            while (count > 0) {
                if (used == current.length) {
                    grow();
                }
                int copied = Math.min(count, current.length - used);
                System.arraycopy(bytes, offset, current, used, copied);
                used += copied;
                offset += copied;
                count -= copied;
                length += copied;
            }
        }

        private void grow() {
            if (current.length < CHUNK) {
                byte[] larger = new byte[Math.min(CHUNK, current.length * 4)];
                System.arraycopy(current, 0, larger, 0, used);
                current = larger;
            } else {
                full.add(current);
                current = new byte[CHUNK];
                used = 0;
            }
        }

        long length() {
            return length;
        }

        /** The bytes in order; each chunk is dropped from here once handed out. Call once. */
        InputStream stream() {
            List<byte[]> chunks = new ArrayList<>(full);
            full.clear();
            byte[] last = current;
            int lastLength = used;
            current = new byte[0];
            used = 0;
            return new InputStream() {
                private int index;
                private InputStream chunk = new ByteArrayInputStream(new byte[0]);

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    while (true) {
                        int read = chunk.read(buffer, offset, count);
                        if (read >= 0 || count == 0) {
                            return read;
                        }
                        if (index < chunks.size()) {
                            chunk = new ByteArrayInputStream(chunks.set(index++, null));
                        } else if (index == chunks.size()) {
                            index++;
                            chunk = new ByteArrayInputStream(last, 0, lastLength);
                        } else {
                            return -1;
                        }
                    }
                }
            };
        }
    }
}
