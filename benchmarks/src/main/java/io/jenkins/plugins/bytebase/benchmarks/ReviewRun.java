package io.jenkins.plugins.bytebase.benchmarks;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.migration.SourceFile;
import io.jenkins.plugins.bytebase.core.review.ReviewRequest;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.ReviewService;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The client side of one review benchmark, run in a JVM of its own so that its heap holds the client only (the
 * sandbox runs in the harness's JVM). Generates the files, then reviews them {@code iterations} times with one
 * client (the first review logs in and reads the server version, as a fresh CLI run does) and prints one line per
 * review for the harness: {@code review <i> <startEpochNanos> <endEpochNanos> <wallNanos> <allocatedBytes>
 * <files> <warnings>}.
 *
 * <p>Arguments: server URL, service account secret, number of files, number of reviews.
 */
public final class ReviewRun {

    static final List<String> TARGETS = List.of(BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE);

    private ReviewRun() {}

    public static void main(String[] args) {
        URI url = URI.create(args[0]);
        String secret = args[1];
        int count = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        List<SourceFile> files = MigrationGenerator.generate(count);
        BytebaseClient client = BytebaseClient.builder(url)
                .credentials(Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, secret))
                .build();
        ReviewService reviews = new ReviewService(client);
        for (int i = 1; i <= iterations; i++) {
            long allocatedBefore = allocatedBytes();
            Instant start = Instant.now();
            long startNanos = System.nanoTime();
            MigrationSet set = MigrationSets.versioned(files, "migrations/**/*.sql");
            ReviewResult result = reviews.review(new ReviewRequest(BytebaseSandbox.PROJECT, TARGETS, set, null));
            long wall = System.nanoTime() - startNanos;
            Instant end = Instant.now();
            long allocated = allocatedBytes() - allocatedBefore;
            System.out.println("review " + i + " " + epochNanos(start) + " " + epochNanos(end) + " " + wall + " "
                    + allocated + " " + result.files().size() + " " + result.warnings());
        }
        System.out.flush();
        // The JDK HttpClient keeps threads for a while; the harness waits for this JVM to end.
        System.exit(0);
    }

    /** Bytes allocated by the live threads so far (HotSpot's per-thread counters). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, allocated);
        }
        return sum;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
