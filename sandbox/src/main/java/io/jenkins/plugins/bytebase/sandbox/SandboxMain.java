package io.jenkins.plugins.bytebase.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox from the command line and runs it until the process is killed (see {@link #USAGE}). The secret
 * may also come from {@code BYTEBASE_SERVICE_ACCOUNT_SECRET}. Lines on standard input control an outage: {@code stop}
 * refuses connections, {@code start} takes them again, with the state kept.
 */
public final class SandboxMain {

    /** The port used when none is given (the tutorials' Bytebase runs on 8080; this one sits next to it). */
    public static final int DEFAULT_PORT = 8081;

    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: java -jar bytebase-sandbox.jar [options]",
            "A test double of the Bytebase API subset used for GitOps. It reviews SQL but never executes it.",
            "  --port N                     port on 127.0.0.1 (default " + DEFAULT_PORT + ", 0 for a free one)",
            "  --service-account-secret S   secret of " + BytebaseSandbox.SERVICE_ACCOUNT,
            "                               (default: $BYTEBASE_SERVICE_ACCOUNT_SECRET, else a random bbs_ key)",
            "  --task-step-delay-ms N       time a task spends PENDING and then RUNNING (default 200)",
            "  --token-lifetime-seconds N   lifetime of access tokens (default 3600)",
            "  --idle-timeout-ms N          end keep-alive connections idle this long, as a load balancer does",
            "  --idle-close HOW             how: at-timeout (FIN, default), when-used (FIN crossing the next",
            "                               request) or reset-when-used (TCP reset on the next request)",
            "  --drop-after-apply WHAT[:N]  carry out the next N (default 1) successful requests of WHAT, then drop",
            "                               the connection without the answer; WHAT is release, plan, rollout or",
            "                               batch-run; may be repeated",
            "  --help                       print this help",
            "Standard input: a line 'stop' refuses connections (an outage), 'start' accepts them again; state is kept.");

    /** What the command line asks for: how to start, and faults to queue once started. */
    record Launch(SandboxOptions options, Map<Faults.Change, Integer> dropsAfterApply) {}

    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        // The schema validator logs through SLF4J; without a provider SLF4J prints a warning banner that is noise here.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Launch launch;
        try {
            launch = parse(args, System.getenv("BYTEBASE_SERVICE_ACCOUNT_SECRET"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (launch == null) {
            System.out.println(USAGE);
            return;
        }
        BytebaseSandbox sandbox = BytebaseSandbox.start(launch.options());
        launch.dropsAfterApply().forEach((change, count) -> sandbox.faults().dropAfterApplyNext(change, count));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "bytebase-sandbox-shutdown"));
        printBanner(sandbox, System.out);
        Thread commands = new Thread(() -> readCommands(sandbox, System.in, System.out), "bytebase-sandbox-stdin");
        commands.setDaemon(true);
        commands.start();
        new CountDownLatch(1).await();
    }

    /** The launch, or {@code null} when help was asked for. */
    static Launch parse(String[] args, String secretFromEnvironment) {
        SandboxOptions options = SandboxOptions.defaults().withPort(DEFAULT_PORT);
        if (secretFromEnvironment != null && !secretFromEnvironment.isBlank()) {
            options = options.withServiceAccountSecret(secretFromEnvironment.strip());
        }
        Duration idleTimeout = null;
        IdleClose idleClose = IdleClose.AT_TIMEOUT;
        Map<Faults.Change, Integer> drops = new EnumMap<>(Faults.Change.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + name);
            }
            switch (name) {
                case "--port" -> options = options.withPort(number(name, value, 0, 65535));
                case "--service-account-secret" -> options = options.withServiceAccountSecret(value);
                case "--task-step-delay-ms" -> options =
                        options.withTaskStepDelay(Duration.ofMillis(number(name, value, 0, Integer.MAX_VALUE)));
                case "--token-lifetime-seconds" -> options =
                        options.withTokenLifetime(Duration.ofSeconds(number(name, value, 1, Integer.MAX_VALUE)));
                case "--idle-timeout-ms" -> idleTimeout = Duration.ofMillis(number(name, value, 1, Integer.MAX_VALUE));
                case "--idle-close" -> idleClose = idleClose(value);
                case "--drop-after-apply" -> dropAfterApply(value, drops);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (idleTimeout != null) {
            options = options.withIdleConnectionClose(idleTimeout, idleClose);
        }
        return new Launch(options, Map.copyOf(drops));
    }

    /** Reads {@code stop} and {@code start} lines until the input ends (at once when there is none). */
    static void readCommands(BytebaseSandbox sandbox, InputStream input, PrintStream out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                switch (line.strip().toLowerCase(Locale.ROOT)) {
                    case "stop" -> {
                        sandbox.stopListening();
                        out.println("Stopped listening: connections to " + sandbox.url() + " are refused");
                    }
                    case "start" -> {
                        sandbox.startListening();
                        out.println("Listening again on " + sandbox.url());
                    }
                    case "" -> {}
                    default -> out.println("Unknown command '" + line.strip() + "': use stop or start");
                }
                out.flush();
            }
        } catch (IOException e) {
            // no usable standard input: the sandbox simply runs
        }
    }

    static void printBanner(BytebaseSandbox sandbox, PrintStream out) {
        out.println("Bytebase sandbox (a test double: it never executes SQL) listening on " + sandbox.url());
        out.println("  service account: " + BytebaseSandbox.SERVICE_ACCOUNT);
        out.println("  secret:          " + sandbox.serviceAccountSecret());
        out.println("  project:         " + BytebaseSandbox.PROJECT);
        out.println(
                "  databases:       " + BytebaseSandbox.TEST_DATABASE + " (" + BytebaseSandbox.TEST_ENVIRONMENT + ")");
        out.println(
                "                   " + BytebaseSandbox.PROD_DATABASE + " (" + BytebaseSandbox.PROD_ENVIRONMENT + ")");
        out.println("  database group:  " + BytebaseSandbox.DATABASE_GROUP);
        out.println("Stop it with Ctrl+C; type 'stop' or 'start' for an outage.");
        out.flush();
    }

    private static IdleClose idleClose(String value) {
        return switch (value) {
            case "at-timeout" -> IdleClose.AT_TIMEOUT;
            case "when-used" -> IdleClose.WHEN_USED;
            case "reset-when-used" -> IdleClose.RESET_WHEN_USED;
            default -> throw new IllegalArgumentException(
                    "--idle-close must be at-timeout, when-used or reset-when-used: " + value);
        };
    }

    private static void dropAfterApply(String value, Map<Faults.Change, Integer> drops) {
        int colon = value.indexOf(':');
        String what = colon < 0 ? value : value.substring(0, colon);
        int count = colon < 0 ? 1 : number("--drop-after-apply", value.substring(colon + 1), 1, Integer.MAX_VALUE);
        Faults.Change change =
                switch (what) {
                    case "release" -> Faults.Change.CREATE_RELEASE;
                    case "plan" -> Faults.Change.CREATE_PLAN;
                    case "rollout" -> Faults.Change.CREATE_ROLLOUT;
                    case "batch-run" -> Faults.Change.BATCH_RUN_TASKS;
                    default -> throw new IllegalArgumentException(
                            "--drop-after-apply takes release, plan, rollout or batch-run, with :N for a count: "
                                    + value);
                };
        drops.merge(change, count, Integer::sum);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number: " + value);
        }
    }
}
