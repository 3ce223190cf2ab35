package io.jenkins.plugins.bytebase.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox from the command line and runs it until the process is killed:
 * {@code java -jar bytebase-sandbox.jar [--port N] [--service-account-secret S] [--task-step-delay-ms N]
 * [--token-lifetime-seconds N]}. The secret may also come from {@code BYTEBASE_SERVICE_ACCOUNT_SECRET}.
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
            "  --help                       print this help");

    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        // The schema validator logs through SLF4J; without a provider SLF4J prints a warning banner that is noise here.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        SandboxOptions options;
        try {
            options = parse(args, System.getenv("BYTEBASE_SERVICE_ACCOUNT_SECRET"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        BytebaseSandbox sandbox = BytebaseSandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "bytebase-sandbox-shutdown"));
        printBanner(sandbox, System.out);
        new CountDownLatch(1).await();
    }

    /** The options, or {@code null} when help was asked for. */
    static SandboxOptions parse(String[] args, String secretFromEnvironment) {
        SandboxOptions options = SandboxOptions.defaults().withPort(DEFAULT_PORT);
        if (secretFromEnvironment != null && !secretFromEnvironment.isBlank()) {
            options = options.withServiceAccountSecret(secretFromEnvironment.strip());
        }
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
            options = switch (name) {
                case "--port" -> options.withPort(number(name, value, 0, 65535));
                case "--service-account-secret" -> options.withServiceAccountSecret(value);
                case "--task-step-delay-ms" -> options.withTaskStepDelay(
                        Duration.ofMillis(number(name, value, 0, Integer.MAX_VALUE)));
                case "--token-lifetime-seconds" -> options.withTokenLifetime(
                        Duration.ofSeconds(number(name, value, 1, Integer.MAX_VALUE)));
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return options;
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
        out.println("Stop it with Ctrl+C.");
        out.flush();
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
