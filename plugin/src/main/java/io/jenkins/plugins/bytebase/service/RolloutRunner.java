package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.actions.RolloutAction;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.report.JsonOutputWriter;
import io.jenkins.plugins.bytebase.core.report.OutputFile;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutException;
import io.jenkins.plugins.bytebase.core.rollout.RolloutHandle;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import io.jenkins.plugins.bytebase.core.rollout.RolloutSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The rollout for both front ends. The Pipeline step drives {@link RolloutEngine#start} and {@link RolloutEngine#poll}
 * from the Jenkins timer; the freestyle builder calls {@link #runBlocking}.
 */
public final class RolloutRunner {

    private RolloutRunner() {}

    private static final Logger LOGGER = Logger.getLogger(RolloutRunner.class.getName());

    /** The engine on this client, printing its events on the console. */
    public static RolloutEngine engine(BytebaseClient client, TaskListener listener) {
        return new RolloutEngine(client, ConsoleLog.rolloutPrinter(listener), Clock.systemUTC());
    }

    /**
     * Where the client's notes go while a rollout is waited for: the Jenkins log, not the console. The engine says
     * itself, once, when Bytebase cannot be reached and when it answers again; the client's retries within each poll
     * would repeat that on every poll of an outage.
     */
    public static Consumer<String> waitNotes(Run<?, ?> run) {
        String build = run.getExternalizableId();
        return line -> LOGGER.fine(() -> build + ": " + line);
    }

    /**
     * What to roll out: the workspace's files, or the options' {@code plan}.
     *
     * @param workspace may be {@code null} when {@code plan} is set
     */
    public static RolloutRequest request(RolloutOptions options, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        String project = OptionChecks.project(options.project());
        String targetStage = Names.environment(options.targetStage());
        Duration timeout = options.timeoutMinutes() > 0 ? Duration.ofMinutes(options.timeoutMinutes()) : null;
        if (options.plan() != null) {
            String plan = Names.plan(project, options.plan());
            return new RolloutRequest(project, List.of(), null, plan, targetStage, null, null, timeout);
        }
        String pattern = OptionChecks.required(options.filePattern(), Messages.RolloutRunner_FilesOrPlan());
        List<String> targets = OptionChecks.targets(options.targets());
        if (workspace == null) {
            throw new AbortException(Messages.RolloutRunner_NoWorkspace());
        }
        MigrationSet migrations = WorkspaceFiles.read(workspace, pattern, options.declarative(), listener);
        return new RolloutRequest(
                project, targets, migrations, null, targetStage, options.releaseIdTemplate(), null, timeout);
    }

    /** After success: the build action, the optional output file, and the values the step returns. */
    public static Map<String, Object> succeeded(
            Run<?, ?> run, FilePath workspace, String outputFile, PollResult result, TaskListener listener)
            throws IOException, InterruptedException {
        RolloutSnapshot snapshot = result.snapshot();
        run.addAction(RolloutAction.create(run, snapshot, result.handle().targetStage(), null));
        if (outputFile != null) {
            if (workspace == null) {
                listener.getLogger().println(Messages.RolloutRunner_OutputNeedsWorkspace(outputFile));
            } else {
                WorkspaceFiles.write(
                        workspace,
                        outputFile,
                        JsonOutputWriter.toJson(
                                new OutputFile(snapshot.release(), snapshot.plan(), snapshot.rollout(), null)),
                        listener);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("release", snapshot.release() == null ? "" : snapshot.release());
        values.put("plan", snapshot.plan());
        values.put("rollout", snapshot.rollout());
        values.put("stages", new LinkedHashMap<>(RolloutAction.stageStatuses(snapshot)));
        return values;
    }

    /** After failure: the build action showing where it stopped, and the error the build fails with. */
    public static AbortException failed(Run<?, ?> run, PollResult result) {
        if (result.snapshot() != null) {
            run.addAction(
                    RolloutAction.create(run, result.snapshot(), result.handle().targetStage(), result.failure()));
        }
        return new AbortException(Messages.RolloutRunner_Failed(result.failure()));
    }

    /**
     * The freestyle rollout: holds the executor while it polls; an abort cancels the task runs when asked to.
     *
     * @return the same values as the Pipeline step
     */
    public static Map<String, Object> runBlocking(
            RolloutOptions options, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        RolloutRequest request = request(options, workspace, listener);
        ServerAccess access = Connections.access(options.server(), options.credentialsId(), run, listener);
        RolloutHandle handle;
        try {
            handle = engine(access.client(Connections.console(listener)), listener)
                    .start(request);
        } catch (BytebaseException | RolloutException e) {
            throw new AbortException(Messages.RolloutRunner_Failed(e.getMessage()));
        }
        RolloutEngine engine = engine(access.client(waitNotes(run)), listener);
        try {
            while (true) {
                PollResult result = engine.poll(handle);
                handle = result.handle();
                switch (result.state()) {
                    case SUCCEEDED:
                        return succeeded(run, workspace, options.outputFile(), result, listener);
                    case FAILED:
                        throw failed(run, result);
                    default:
                        Thread.sleep(Math.max(100L, result.pollAgainIn().toMillis()));
                }
            }
        } catch (InterruptedException e) {
            if (options.cancelOnAbort()) {
                cancel(engine, handle, listener);
            }
            throw e;
        } catch (BytebaseException | RolloutException e) {
            throw new AbortException(Messages.RolloutRunner_Failed(e.getMessage()));
        }
    }

    /** Cancels the rollout's pending and running task runs, saying so on the console. */
    public static void cancel(RolloutEngine engine, RolloutHandle handle, TaskListener listener) {
        try {
            int canceled = engine.cancel(handle);
            listener.getLogger().println(Messages.RolloutRunner_Canceled(canceled, handle.rollout()));
        } catch (RuntimeException e) {
            listener.getLogger().println(Messages.RolloutRunner_CancelFailed(e.getMessage()));
        }
    }
}
