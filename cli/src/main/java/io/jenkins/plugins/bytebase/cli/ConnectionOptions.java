package io.jenkins.plugins.bytebase.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options both commands share, named as {@code bytebase-action}'s flags. */
final class ConnectionOptions {

    @Option(
            names = "--url",
            required = true,
            paramLabel = "<url>",
            description = "Bytebase URL, e.g. https://bytebase.example.com (a trailing / is ignored).")
    String url;

    @Option(
            names = "--service-account",
            paramLabel = "<email>",
            description = "Service account email, e.g. ci@service.bytebase.com. Default: $BYTEBASE_SERVICE_ACCOUNT.")
    String serviceAccount;

    @Option(
            names = "--service-account-secret",
            paramLabel = "<secret>",
            description = "The service account's secret. Prefer $BYTEBASE_SERVICE_ACCOUNT_SECRET: a command line can be"
                    + " seen by other processes and lands in shell history.")
    String serviceAccountSecret;

    @Option(
            names = "--access-token",
            paramLabel = "<token>",
            description = "A ready access token (e.g. workload identity); wins over a service account."
                    + " Prefer $BYTEBASE_ACCESS_TOKEN.")
    String accessToken;

    @Option(
            names = "--project",
            required = true,
            paramLabel = "<projects/...>",
            description = "The Bytebase project, e.g. projects/hr.")
    String project;

    @Option(
            names = "--targets",
            split = ",",
            paramLabel = "<target>",
            description = "Comma-separated databases (instances/i/databases/d) or exactly one database group"
                    + " (projects/p/databaseGroups/g).")
    List<String> targets = new ArrayList<>();

    @Option(
            names = "--file-pattern",
            paramLabel = "<glob>",
            description = "Glob of the migration files, relative to --root, e.g. 'migrations/**/*.sql'.")
    String filePattern;

    @Option(names = "--declarative", description = "Declarative (state-based) files instead of versioned migrations.")
    boolean declarative;

    @Option(
            names = "--output",
            paramLabel = "<file>",
            description = "Write release, plan, rollout and check results here as JSON (also when the command fails).")
    String output;

    @Option(
            names = "--timeout",
            paramLabel = "<duration>",
            defaultValue = "120s",
            converter = GoDuration.Converter.class,
            description =
                    "Timeout of each request, as Go writes durations: 120s, 5m, 1h30m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(
            names = "--custom-header",
            paramLabel = "<Name: value>",
            description = "An extra header for an access proxy in front of Bytebase; repeatable. Not Authorization.")
    List<String> customHeaders = new ArrayList<>();

    @Option(
            names = "--platform",
            paramLabel = "<platform>",
            defaultValue = "auto",
            description = "How to report findings: auto, github, gitlab, azure, bitbucket or local."
                    + " Default: detected from the environment.")
    Platform platform;

    @Option(
            names = "--root",
            paramLabel = "<dir>",
            description = "Directory the file pattern is relative to. Default: the current directory.")
    String root;
}
