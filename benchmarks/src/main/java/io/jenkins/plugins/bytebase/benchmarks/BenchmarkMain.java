package io.jenkins.plugins.bytebase.benchmarks;

import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmarks and writes their figures as Markdown to a file and to standard output.
 *
 * <p>Arguments: the output file, then {@code all}, {@code review}, {@code rollout}, {@code review=10,100} (sizes), or
 * {@code waiting}, {@code waiting=10,100} (rollouts waiting at once) with {@code @30} for the task step delay in
 * seconds (default 30). {@code all} does not include {@code waiting}: it takes several minutes.
 */
public final class BenchmarkMain {

    private static final List<Integer> SIZES = List.of(10, 100, 1_000, 10_000);

    private BenchmarkMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path output = Path.of(args[0]);
        String what = args.length > 1 ? args[1] : "all";
        List<String> report = new ArrayList<>();
        report.add("Run " + Instant.now() + " on " + machine());
        report.add("");
        if (what.equals("all") || what.startsWith("review")) {
            report.addAll(review(sizes(what)));
            report.add("");
        }
        if (what.equals("all") || what.equals("rollout")) {
            report.addAll(rollout());
        }
        if (what.startsWith("waiting")) {
            report.addAll(waiting(what));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, report, StandardCharsets.UTF_8);
        System.out.println("Benchmark figures written to " + output);
    }

    private static List<Integer> sizes(String what) {
        int equals = what.indexOf('=');
        return equals < 0
                ? SIZES
                : Arrays.stream(what.substring(equals + 1).split(","))
                        .map(Integer::valueOf)
                        .toList();
    }

    private static List<String> review(List<Integer> sizes) {
        List<String> lines = new ArrayList<>();
        lines.add(
                "| files | file bytes | files in result | warnings | cold: wall / server / client | warm (median of n):"
                        + " wall / server / client | allocated per warm review | smallest heap | 3 x file bytes |");
        lines.add("|---:|---:|---:|---:|---|---|---:|---:|---:|");
        try (BytebaseSandbox sandbox = BytebaseSandbox.start(SandboxOptions.defaults())) {
            ReviewBenchmark benchmark = new ReviewBenchmark(sandbox);
            for (int size : sizes) {
                ReviewBenchmark.Result r = benchmark.measure(size);
                String line = "| " + r.files() + " | " + kib(r.fileBytes()) + " | " + r.fileReviews() + " | "
                        + r.warnings() + " | " + ms(r.coldWall()) + " / " + ms(r.coldServer()) + " / "
                        + ms(r.coldClient()) + " | " + ms(r.warmWall()) + " / " + ms(r.warmServer()) + " / "
                        + ms(r.warmClient()) + " (n=" + r.warmRuns() + ") | " + mib(r.warmAllocated()) + " | "
                        + r.minHeapMiB() + " MiB | " + mib(3 * r.fileBytes()) + " |";
                System.out.println(line);
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> rollout() throws InterruptedException {
        List<RolloutBenchmark.Config> configs = List.of(
                new RolloutBenchmark.Config(Duration.ofSeconds(1), Duration.ofHours(1)),
                new RolloutBenchmark.Config(Duration.ofSeconds(1), Duration.ofHours(1)),
                new RolloutBenchmark.Config(Duration.ofSeconds(1), Duration.ofHours(1)),
                new RolloutBenchmark.Config(Duration.ofSeconds(5), Duration.ofHours(1)),
                new RolloutBenchmark.Config(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        List<String> lines = new ArrayList<>();
        lines.add(
                "| task step delay | token lifetime | elapsed | requests (minimum " + RolloutBenchmark.MINIMUM_REQUESTS
                        + ") | by kind | logins (bound) | answered 401 | STAGE_DONE after the server's DONE: test / prod |");
        lines.add("|---:|---:|---:|---:|---|---:|---:|---|");
        RolloutBenchmark benchmark = new RolloutBenchmark();
        for (RolloutBenchmark.Config config : configs) {
            RolloutBenchmark.Result r = benchmark.run(config);
            String delays = String.join(
                    " / ",
                    r.notices().stream().map(n -> ms(n.delay().toNanos())).toList());
            String line = "| " + config.taskStepDelay().toMillis() / 1000.0 + " s | " + lifetime(config.tokenLifetime())
                    + " | " + String.format("%.2f s", r.elapsed().toMillis() / 1000.0) + " | " + r.total() + " | "
                    + r.requests() + " | " + r.logins() + " (" + r.loginBound() + ") | " + r.refused() + " | " + delays
                    + " |";
            System.out.println(line);
            lines.add(line);
        }
        return lines;
    }

    private static List<String> waiting(String what) throws InterruptedException {
        int at = what.indexOf('@');
        Duration step = Duration.ofSeconds(at < 0 ? 30 : Integer.parseInt(what.substring(at + 1)));
        String sizes = at < 0 ? what : what.substring(0, at);
        List<WaitingRolloutsBenchmark.Config> configs = new ArrayList<>();
        if (sizes.contains("=")) {
            for (int size : sizes(sizes)) {
                configs.add(new WaitingRolloutsBenchmark.Config(size, step, true));
            }
        } else {
            for (int size : List.of(10, 100, 1_000)) {
                configs.add(new WaitingRolloutsBenchmark.Config(size, step, true));
            }
            for (int size : List.of(10, 100)) {
                configs.add(new WaitingRolloutsBenchmark.Config(size, step, false));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("| rollouts | clients | task step delay | creating them | waiting (wall) | threads added |"
                + " logins | version probes | requests per rollout per minute of its wait | requests per minute,"
                + " all | notice delay: median / p90 / max | failed polls |");
        lines.add("|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---|---:|");
        WaitingRolloutsBenchmark benchmark = new WaitingRolloutsBenchmark();
        for (WaitingRolloutsBenchmark.Config config : configs) {
            WaitingRolloutsBenchmark.Result r = benchmark.run(config);
            String line = "| " + config.rollouts() + " | "
                    + (config.shared() ? "one connection" : "a connection each") + " | "
                    + config.taskStepDelay().toSeconds() + " s | " + seconds(r.creation()) + " | "
                    + seconds(r.waitWall()) + " | " + r.threadsAdded() + " (" + r.threadKinds() + ") | "
                    + r.logins() + " | " + r.probes() + " | "
                    + String.format("%.1f", r.requestsPerRolloutMinute()) + " | "
                    + String.format("%.0f", r.requestsPerMinuteAll()) + " | "
                    + seconds(r.notice(0.5)) + " / " + seconds(r.notice(0.9)) + " / " + seconds(r.notice(1.0))
                    + " | " + r.failedPolls() + " |";
            System.out.println(line);
            lines.add(line);
        }
        return lines;
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    private static String lifetime(Duration lifetime) {
        return lifetime.toHours() >= 1 ? lifetime.toHours() + " h" : lifetime.toSeconds() + " s";
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the processor count and the JVM still say enough
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static String kib(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
