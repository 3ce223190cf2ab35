package io.jenkins.plugins.bytebase.core.client;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a connection's {@code HttpClient} runs on: at most a few daemon threads, named after the connection,
 * that end when idle. Without one, every {@code HttpClient} makes an unbounded pool of its own.
 */
final class HttpThreads {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private HttpThreads() {}

    /** A name prefix of its own for the next connection's threads, e.g. {@code bytebase-http-3-}. */
    static String newNamePrefix() {
        return "bytebase-http-" + CONNECTIONS.incrementAndGet() + "-";
    }

    /**
     * @param threads the most threads at once; work beyond waits in an unbounded queue, as the {@code HttpClient}
     *     must never see its work refused
     */
    static ExecutorService newExecutor(String namePrefix, int threads, Duration idleTime) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, idleTime.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
