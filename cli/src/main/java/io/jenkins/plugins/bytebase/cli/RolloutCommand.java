package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.Targets;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutHandle;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "rollout",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Creates a release from the migration files, a plan and its rollout, then runs every stage up to",
            "--target-stage and waits for it. With --plan, continues an existing plan instead (e.g. on to prod)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # on merge to main: release, plan and rollout, run the test stage",
            "  java -jar bytebase-gitops.jar rollout --url https://bytebase.example.com --project projects/hr \\",
            "      --targets instances/test/databases/hr,instances/prod/databases/hr \\",
            "      --file-pattern 'migrations/*.sql' --target-stage environments/test --output rollout.json",
            "  # after approval: continue the same plan to prod",
            "  java -jar bytebase-gitops.jar rollout --url https://bytebase.example.com --project projects/hr \\",
            "      --plan \"$(jq -r .plan rollout.json)\" --target-stage environments/prod",
            "",
            "Exit codes: 0 done, 1 a task failed or was canceled, the wait timed out or Bytebase could not be used,",
            "2 bad usage.%n"
        })
final class RolloutCommand implements Callable<Integer> {

    private final CliEnvironment environment;
    private final Redactor redactor;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = "--target-stage",
            paramLabel = "<environments/...>",
            description = "Run every stage up to and including this environment's, e.g. environments/test."
                    + " Without it the rollout is only created.")
    String targetStage;

    @Option(
            names = "--plan",
            paramLabel = "<projects/.../plans/...>",
            description = "Continue this plan (e.g. from an earlier --output) instead of creating a release from"
                    + " files; --file-pattern and --targets are then ignored.")
    String plan;

    @Option(
            names = "--release-id-template",
            paramLabel = "<template>",
            description = "Release ID template, e.g. release_{date}-RC{iteration}. Default: the server's.")
    String releaseIdTemplate;

    @Option(
            names = "--release-id-timezone",
            paramLabel = "<zone>",
            description = "Time zone of {date} and {time} in the template, e.g. Europe/Berlin. Default: UTC.")
    String releaseIdTimezone;

    @Option(
            names = "--rollout-timeout",
            paramLabel = "<duration>",
            converter = GoDuration.Converter.class,
            description = "Give up waiting after this long (e.g. 30m); the tasks keep running in Bytebase."
                    + " Default: no limit, as bytebase-action.")
    Duration rolloutTimeout;

    RolloutCommand(CliEnvironment environment, Redactor redactor) {
        this.environment = environment;
        this.redactor = redactor;
    }

    @Override
    public Integer call() throws InterruptedException {
        String project = ClientSettings.project(connection.project);
        String stage = targetStage();
        String continued = plan(project);
        List<String> targets = continued == null ? ClientSettings.targets(project, connection.targets) : List.of();
        String pattern = continued == null ? ClientSettings.filePattern(connection.filePattern) : null;
        if (continued != null && (connection.filePattern != null || !connection.targets.isEmpty())) {
            environment.err().println("Continuing " + continued + ": --file-pattern and --targets are ignored");
        }
        if (rolloutTimeout != null && (rolloutTimeout.isZero() || rolloutTimeout.isNegative())) {
            throw new UsageException("--rollout-timeout must be longer than 0, e.g. 30m");
        }
        BytebaseClient client = ClientSettings.client(connection, environment, redactor);
        MigrationSet migrations = continued == null
                ? MigrationLoader.load(
                        ClientSettings.root(connection, environment), pattern, connection.declarative, environment)
                : null;

        RolloutProgress.OutputNames names = new RolloutProgress.OutputNames();
        int exitCode;
        try {
            exitCode = run(client, project, targets, migrations, continued, stage, names);
        } catch (RuntimeException | InterruptedException e) {
            OutputWriting.writeQuietly(environment, connection.output, names.toOutput());
            throw e;
        }
        OutputWriting.write(environment, connection.output, names.toOutput());
        return exitCode;
    }

    private int run(
            BytebaseClient client,
            String project,
            List<String> targets,
            MigrationSet migrations,
            String continued,
            String stage,
            RolloutProgress.OutputNames names)
            throws InterruptedException {
        ServerCheck.verify(client, environment);
        RolloutProgress progress =
                new RolloutProgress(environment, client.serverUrl().toString(), names);
        RolloutEngine engine = new RolloutEngine(client, progress, environment.clock());
        RolloutHandle handle = engine.start(new RolloutRequest(
                project,
                targets,
                migrations,
                continued,
                stage,
                releaseIdTemplate,
                releaseIdTimezone,
                rolloutTimeout,
                VcsSources.detect(connection.platform.resolve(environment), environment)));
        remember(names, handle);
        if (stage == null) {
            environment
                    .err()
                    .println("Rollout created; no --target-stage, so nothing runs now. Continue with" + " --plan "
                            + handle.plan() + " --target-stage environments/<env>");
            return 0;
        }
        return waitFor(engine, handle, progress, stage, names);
    }

    private int waitFor(
            RolloutEngine engine,
            RolloutHandle first,
            RolloutProgress progress,
            String stage,
            RolloutProgress.OutputNames names)
            throws InterruptedException {
        AtomicReference<RolloutHandle> current = new AtomicReference<>(first);
        // Stopped while waiting: cancel the task runs, and still leave the output file behind.
        Runnable writeOutput = () -> OutputWriting.writeQuietly(environment, connection.output, names.toOutput());
        try (ShutdownCancel cancel = ShutdownCancel.install(environment, engine, current, writeOutput)) {
            while (true) {
                PollResult result = engine.poll(current.get());
                if (result.handle() != null) {
                    current.set(result.handle());
                }
                switch (result.state()) {
                    case SUCCEEDED -> {
                        // the engine has reported "Rollout done" with its link
                        cancel.disarm();
                        return 0;
                    }
                    case FAILED -> {
                        cancel.disarm();
                        throw new CommandFailure("Rollout failed: " + result.failure());
                    }
                    default -> {
                        // the engine reports changes as events; this line adds counts and elapsed time while waiting
                        progress.onSnapshot(result.snapshot(), stage);
                        Thread.sleep(delay(result.pollAgainIn()));
                    }
                }
            }
        }
    }

    private static long delay(Duration pollAgainIn) {
        return pollAgainIn == null ? 1000 : Math.max(100, pollAgainIn.toMillis());
    }

    /**
     * The release is not taken from the handle: the output names what this run created, as bytebase-action's does,
     * and a continued plan's release (which the handle holds) was made by an earlier run.
     */
    private static void remember(RolloutProgress.OutputNames names, RolloutHandle handle) {
        names.plan = handle.plan();
        names.rollout = handle.rollout();
    }

    private String targetStage() {
        if (targetStage == null || targetStage.isBlank()) {
            return null;
        }
        String value = targetStage.trim();
        try {
            Targets.validateStage(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "--target-stage must look like environments/<id>, e.g. environments/prod, not '" + value + "'");
        }
        return value;
    }

    private String plan(String project) {
        if (plan == null || plan.isBlank()) {
            return null;
        }
        String value = plan.trim();
        try {
            Targets.validatePlan(null, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--plan must look like projects/<p>/plans/<id>, e.g. " + project
                    + "/plans/123 (the \"plan\" of an earlier --output), not '" + value + "'");
        }
        if (!value.startsWith(project + "/")) {
            throw new UsageException("--plan " + value + " is not in --project " + project);
        }
        return value;
    }
}
