package io.jenkins.plugins.bytebase.core.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body as it arrives, read within a deadline. The JDK's request timeout ends when the headers arrive (JDK
 * 17 to 25), and a read from {@code BodyHandlers.ofInputStream()} blocks until data comes, so a server that sends
 * headers and then stalls would hold the caller for ever. At the deadline the stream is closed, which wakes a blocked
 * read; the read then fails with an {@link HttpTimeoutException}. Also keeps the first bytes, so that an answer that
 * is not the expected JSON can be quoted without holding the whole body.
 */
final class BodyStream extends FilterInputStream {

    /** Enough for the excerpt of an error or login page. */
    static final int HEAD_LIMIT = 4096;

    /** One daemon thread at most, only while a deadline is pending; it ends 10 s after the last one. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Duration timeout;
    private final ScheduledFuture<?> deadline;
    private final byte[] head = new byte[HEAD_LIMIT];
    private int headLength;
    private volatile boolean expired;
    private IOException failure;

    /**
     * @param remaining time left of the request timeout; the stream is closed when it has passed
     * @param timeout the whole request timeout, for the message
     */
    BodyStream(InputStream body, Duration remaining, Duration timeout) {
        super(body);
        this.timeout = timeout;
        if (remaining.isNegative() || remaining.isZero()) {
            expired = true;
            closeQuietly(body);
            deadline = null;
        } else {
            deadline = DEADLINES.schedule(this::expire, remaining.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int read;
        try {
            read = expired ? failTimedOut() : super.read(buffer, offset, length);
        } catch (IOException e) {
            failure = expired ? timedOut() : e;
            throw failure;
        }
        if (read > 0 && headLength < HEAD_LIMIT) {
            int kept = Math.min(read, HEAD_LIMIT - headLength);
            System.arraycopy(buffer, offset, head, headLength, kept);
            headLength += kept;
        }
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        byte[] scratch = new byte[(int) Math.min(count, 8192)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    /** Reads the rest, up to {@code limit} bytes, as UTF-8 text (an error answer). */
    String readText(int limit) throws IOException {
        byte[] text = readNBytes(limit);
        return new String(text, StandardCharsets.UTF_8);
    }

    /**
     * Reads what is left after the JSON value (normally nothing or a line break), so the connection can serve the
     * next request; gives up after {@code limit} bytes, and closing then drops the connection.
     */
    void drain(int limit) throws IOException {
        byte[] scratch = new byte[1024];
        for (int total = 0; total < limit; ) {
            int read = read(scratch, 0, scratch.length);
            if (read < 0) {
                return;
            }
            total += read;
        }
    }

    /** The first bytes read, as text; for messages only. */
    String head() {
        return new String(Arrays.copyOf(head, headLength), StandardCharsets.UTF_8);
    }

    /** The transport failure or timeout a read met, if any: the body's JSON was then not at fault. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        if (deadline != null) {
            deadline.cancel(false);
        }
        super.close();
    }

    private void expire() {
        expired = true;
        closeQuietly(in);
    }

    private int failTimedOut() throws IOException {
        throw timedOut();
    }

    private HttpTimeoutException timedOut() {
        return new HttpTimeoutException(
                "the answer's body did not arrive within the request timeout of " + Durations.format(timeout));
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closing is only to wake a blocked read; nothing to add
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "bytebase-client-body-deadline");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(10, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
