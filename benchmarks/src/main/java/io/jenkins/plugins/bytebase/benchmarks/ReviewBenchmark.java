package io.jenkins.plugins.bytebase.benchmarks;

import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.RequestTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Reviews N generated files against hr_test and hr_prod through the real path (MigrationSets.versioned, then
 * ReviewService.review over HTTP), with the client in a fresh JVM and the sandbox in this one.
 *
 * <p>Time: the client's wall time of each review minus the sandbox's own handling time of the requests received
 * during it ({@link BytebaseSandbox#timings()}). The first review is cold (new JVM, login, version probe); the others
 * are warm, and their median is reported.
 *
 * <p>Heap: the smallest {@code -Xmx} (1 MiB steps) with which a fresh JVM completes one review, under the serial
 * collector with a 1 MiB young generation so that almost the whole heap can hold live data; an out-of-memory error
 * ends the JVM. That is the peak of live data plus the JVM's own small share, not a sample of a moving number.
 */
final class ReviewBenchmark {

    private static final long CHILD_TIMEOUT_SECONDS = 300;

    /** One size's figures; times in nanoseconds, sizes in bytes. */
    record Result(
            int files,
            long fileBytes,
            int fileReviews,
            int warnings,
            long coldWall,
            long coldServer,
            int warmRuns,
            long warmWall,
            long warmServer,
            long warmClient,
            long warmAllocated,
            int minHeapMiB) {

        long coldClient() {
            return coldWall - coldServer;
        }
    }

    private final BytebaseSandbox sandbox;

    ReviewBenchmark(BytebaseSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Result measure(int count) {
        long fileBytes = MigrationGenerator.totalBytes(MigrationGenerator.generate(count));
        int reviews = count >= 10_000 ? 4 : 11;
        List<Review> runs = timedRuns(count, reviews);
        Review cold = runs.get(0);
        List<Review> warm = runs.subList(1, runs.size());
        return new Result(
                count,
                fileBytes,
                cold.fileReviews(),
                cold.warnings(),
                cold.wall(),
                cold.server(),
                warm.size(),
                median(warm.stream().mapToLong(Review::wall)),
                median(warm.stream().mapToLong(Review::server)),
                median(warm.stream().mapToLong(review -> review.wall() - review.server())),
                median(warm.stream().mapToLong(Review::allocated)),
                minHeapMiB(count));
    }

    /** One review as the client JVM printed it, with the sandbox's handling time of its requests. */
    private record Review(long wall, long server, long allocated, int fileReviews, int warnings) {}

    private List<Review> timedRuns(int count, int reviews) {
        sandbox.reset();
        ChildJvm.Outcome outcome = ChildJvm.run(
                List.of("-XX:+UseG1GC"), ReviewRun.class, childArgs(count, reviews), CHILD_TIMEOUT_SECONDS);
        if (!outcome.succeeded()) {
            throw new IllegalStateException(
                    "the review of " + count + " files failed (exit " + outcome.exitCode() + "): " + outcome.output());
        }
        List<RequestTiming> timings = sandbox.timings();
        List<Review> runs = new ArrayList<>();
        for (String line : outcome.output()) {
            if (!line.startsWith("review ")) {
                continue;
            }
            String[] f = line.split(" ");
            long start = Long.parseLong(f[2]);
            long end = Long.parseLong(f[3]);
            long server = timings.stream()
                    .filter(t -> within(t.received(), start, end))
                    .mapToLong(t -> t.handling().toNanos())
                    .sum();
            runs.add(new Review(
                    Long.parseLong(f[4]),
                    server,
                    Long.parseLong(f[5]),
                    Integer.parseInt(f[6]),
                    Integer.parseInt(f[7])));
        }
        if (runs.size() != reviews) {
            throw new IllegalStateException("expected " + reviews + " reviews, got " + outcome.output());
        }
        return runs;
    }

    private int minHeapMiB(int count) {
        int failing = 1;
        int passing = 16;
        while (!completes(count, passing)) {
            failing = passing;
            passing *= 2;
            if (passing > 4096) {
                throw new IllegalStateException("the review of " + count + " files does not complete in 4 GiB");
            }
        }
        while (passing - failing > 1) {
            int middle = (failing + passing) / 2;
            if (completes(count, middle)) {
                passing = middle;
            } else {
                failing = middle;
            }
        }
        return passing;
    }

    private boolean completes(int count, int heapMiB) {
        sandbox.reset();
        ChildJvm.Outcome outcome = ChildJvm.run(
                List.of("-Xmx" + heapMiB + "m", "-XX:+UseSerialGC", "-Xmn1m", "-XX:+ExitOnOutOfMemoryError"),
                ReviewRun.class,
                childArgs(count, 1),
                CHILD_TIMEOUT_SECONDS);
        return outcome.succeeded();
    }

    private List<String> childArgs(int count, int reviews) {
        return List.of(
                sandbox.url().toString(),
                sandbox.serviceAccountSecret(),
                Integer.toString(count),
                Integer.toString(reviews));
    }

    private static boolean within(Instant instant, long startEpochNanos, long endEpochNanos) {
        long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        return nanos >= startEpochNanos && nanos <= endEpochNanos;
    }

    private static long median(LongStream stream) {
        long[] values = stream.sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
