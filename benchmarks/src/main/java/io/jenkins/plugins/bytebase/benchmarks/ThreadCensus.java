package io.jenkins.plugins.bytebase.benchmarks;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Counts, every 250 ms, the live threads of this JVM that were not alive when the census began and belong to neither
 * the in-process sandbox nor the harness, and keeps the largest count with the threads' names by kind (digits
 * replaced by {@code N}), so that what a client adds is seen whatever its threads are called.
 */
final class ThreadCensus implements AutoCloseable {

    /** Threads the harness itself runs: the sandbox, the benchmark's timer, this census. */
    private static final Set<String> HARNESS_PREFIXES =
            Set.of("bytebase-sandbox", "HTTP-Dispatcher", "benchmark-", "thread-census");

    private final Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ScheduledExecutorService sampler;
    private Map<String, Long> peak = Map.of(); // guarded by this
    private long peakCount; // guarded by this

    ThreadCensus() {
        before.addAll(Thread.getAllStackTraces().keySet());
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "thread-census");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    /** The most threads alive at once that the census did not see at its start. */
    synchronized long added() {
        return peakCount;
    }

    /** Those threads by kind, e.g. {@code bytebase-http-N-N ×2}. */
    synchronized String addedKinds() {
        return peak.isEmpty()
                ? "none"
                : peak.entrySet().stream()
                        .map(e -> e.getKey() + " ×" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private synchronized void sample() {
        Map<String, Long> now = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .map(Thread::getName)
                .filter(name -> HARNESS_PREFIXES.stream().noneMatch(name::startsWith))
                .collect(Collectors.groupingBy(
                        name -> name.replaceAll("\\d+", "N"), TreeMap::new, Collectors.counting()));
        long count = now.values().stream().mapToLong(Long::longValue).sum();
        if (count > peakCount) {
            peakCount = count;
            peak = now;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
