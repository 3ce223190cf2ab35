package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.client.ServerInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code java -jar bytebase-gitops.jar check|rollout [options]}: the engine for any CI system. */
@Command(
        name = "bytebase-gitops",
        mixinStandardHelpOptions = true,
        versionProvider = BytebaseGitops.Version.class,
        description = {
            "Database GitOps with Bytebase from any CI system: SQL review of migration files on pull requests",
            "(check) and release, plan and rollout on merge (rollout). Options and environment variables are",
            "those of bytebase-action."
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  BYTEBASE_SERVICE_ACCOUNT, BYTEBASE_SERVICE_ACCOUNT_SECRET, BYTEBASE_ACCESS_TOKEN",
            "  Run 'bytebase-gitops check --help' or 'bytebase-gitops rollout --help' for the options.%n"
        })
public final class BytebaseGitops implements Callable<Integer> {

    /** Success. */
    public static final int OK = 0;
    /** A failed policy or rollout, or Bytebase could not be used. */
    public static final int FAILED = 1;
    /** Bad usage: unknown or missing options, bad values. */
    public static final int USAGE = 2;

    private BytebaseGitops() {}

    public static void main(String[] args) {
        System.exit(run(CliEnvironment.system(), args));
    }

    /** Runs one command in this process and returns its exit code. */
    public static int run(CliEnvironment environment, String... args) {
        Redactor redactor = Redactor.of(args, environment);
        CommandLine cli = new CommandLine(new BytebaseGitops())
                .addSubcommand(new CheckCommand(environment, redactor))
                .addSubcommand(new RolloutCommand(environment, redactor))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(110)
                .setOut(new PrintWriter(environment.out(), true))
                .setErr(new PrintWriter(environment.err(), true))
                .setParameterExceptionHandler((error, arguments) -> usageError(environment, redactor, error))
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    if (error instanceof UsageException) {
                        environment.err().println("error: " + redactor.redact(error.getMessage()) + hint(command));
                        return USAGE;
                    }
                    environment.err().println("error: " + redactor.redact(describe(error)));
                    return FAILED;
                });
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
            environment.out().flush();
            environment.err().flush();
        }
    }

    @Override
    public Integer call() {
        throw new UsageException("name a command: check (SQL review) or rollout");
    }

    private static int usageError(CliEnvironment environment, Redactor redactor, ParameterException error) {
        String message =
                error instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched) : error.getMessage();
        environment.err().println("error: " + redactor.redact(message) + hint(error.getCommandLine()));
        return USAGE;
    }

    /** Names only what looks like an option: a misplaced value may be a secret. */
    private static String unmatched(UnmatchedArgumentException error) {
        List<String> options = error.getUnmatched().stream()
                .filter(arg -> arg.startsWith("-"))
                .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
                .toList();
        String message = options.isEmpty()
                ? "unexpected argument (every value needs its option, e.g. --project projects/hr)"
                : "unknown option " + String.join(", ", options);
        List<String> suggestions = error.getSuggestions();
        if (!suggestions.isEmpty()) {
            message += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(2, suggestions.size())))
                    + "?";
        }
        return message;
    }

    private static String hint(CommandLine command) {
        return " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
    }

    private static String describe(Exception error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    /** This build's version, the Bytebase versions it supports, and the Java running it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "bytebase-gitops " + own(),
                "Supports Bytebase " + ServerInfo.supportedVersions(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }

        static String own() {
            Properties properties = new Properties();
            try (InputStream in = BytebaseGitops.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // falls through to the unknown version
            }
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "(development build)" : version;
        }
    }
}
