package io.jenkins.plugins.bytebase.core.client;

import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The body of a request that carries a release's files, generated while it is sent: a release of thousands of files is
 * several MiB of base64, and written out whole it was, with the files, the peak of a review's heap. The files are the
 * only large part, so the body is the JSON before them, each file's JSON written when the stream reaches it, and the
 * JSON after them. Jackson writes an element of an array the same wherever it stands (no indentation), so the bytes
 * are those of writing the whole request at once (tested). The length is counted first by writing each file into a
 * counting sink, one file at a time.
 */
final class ReleaseBody implements RequestBody {

    private static final byte[] SEPARATOR = {','};

    private final List<ReleaseFile> files;
    private final byte[] before;
    private final byte[] after;
    private volatile long length = -1;

    /**
     * @param files the release's files, at least one
     * @param request the request object with the given files in its release
     */
    ReleaseBody(List<ReleaseFile> files, Function<List<ReleaseFile>, Object> request) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("The release has no files");
        }
        this.files = List.copyOf(files);
        // The request written with one placeholder file, unique to this body, in place of the files: what stands
        // before and after the placeholder's JSON is the JSON around the files.
        ReleaseFile placeholder = ReleaseFile.of(UUID.randomUUID().toString(), null, null);
        byte[] marker = WireJson.writeBytes(placeholder);
        byte[] skeleton = WireJson.writeBytes(request.apply(List.of(placeholder)));
        int at = indexOf(skeleton, marker, 0);
        if (at < 0 || indexOf(skeleton, marker, at + 1) >= 0) {
            throw new IllegalStateException("the request does not hold its release's files once as a JSON array");
        }
        this.before = Arrays.copyOfRange(skeleton, 0, at);
        this.after = Arrays.copyOfRange(skeleton, at + marker.length, skeleton.length);
    }

    @Override
    public long length() throws IOException {
        long counted = length;
        if (counted < 0) {
            counted = before.length + after.length + (long) SEPARATOR.length * (files.size() - 1);
            Counter counter = new Counter();
            for (ReleaseFile file : files) {
                WireJson.mapper().writeValue(counter, file);
            }
            counted += counter.count;
            length = counted;
        }
        return counted;
    }

    @Override
    public InputStream open() {
        return new Pieces();
    }

    /**
     * The body's pieces in order: 0 is the JSON before the files, then each file (odd) with a separator between two
     * (even), and last the JSON after the files; each file's JSON is written when the reader reaches it.
     */
    private final class Pieces extends InputStream {

        private final int last = 2 * files.size();
        private int index;
        private byte[] piece = before;
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** Fills the buffer across pieces: the JDK sends each read as a buffer of its own (16 KiB, however full). */
        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int filled = 0;
            while (filled < count) {
                if (position == piece.length) {
                    if (index == last) {
                        break;
                    }
                    index++;
                    piece = index == last ? after : index % 2 == 0 ? SEPARATOR : file(index / 2);
                    position = 0;
                    continue;
                }
                int copied = Math.min(count - filled, piece.length - position);
                System.arraycopy(piece, position, buffer, offset + filled, copied);
                position += copied;
                filled += copied;
            }
            return filled == 0 && count > 0 ? -1 : filled;
        }

        private byte[] file(int number) throws IOException {
            return WireJson.mapper().writeValueAsBytes(files.get(number));
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Counts what is written and keeps nothing. */
    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
