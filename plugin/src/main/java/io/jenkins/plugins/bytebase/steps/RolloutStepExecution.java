package io.jenkins.plugins.bytebase.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.config.SharedConnections;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutException;
import io.jenkins.plugins.bytebase.core.rollout.RolloutHandle;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import io.jenkins.plugins.bytebase.service.Connections;
import io.jenkins.plugins.bytebase.service.RolloutOptions;
import io.jenkins.plugins.bytebase.service.RolloutRunner;
import io.jenkins.plugins.bytebase.service.ServerAccess;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Waits for a rollout without holding a thread: {@link #start()} only schedules; every network call runs on the
 * Jenkins timer. What is persisted with the paused pipeline are plain strings, longs and booleans (the resource names
 * of the rollout and the credentials id), never a client, a token or an engine object; {@link #onResume()} rebuilds
 * the client and polls again.
 *
 * <p>While Bytebase cannot be reached the engine's polls say so (once when it starts, once when it ends, as console
 * lines of its own) and ask for the next poll after pauses growing to a minute; the step keeps polling until the
 * rollout's timeout. It fails at once when the engine reports a definite answer (a refusal, a failed or canceled task).
 */
final class RolloutStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final String server;
    private final String credentialsId;
    private final boolean cancelOnAbort;
    private final String outputFile;

    // RolloutHandle, flattened: only plain values go into program.dat.
    private String project;
    private String release;
    private String plan;
    private String rollout;
    private String targetStage;
    private long deadlineEpochMillis;
    private long pollDelayMillis;
    private String fingerprint;

    /** The configured server the rollout was made on, so that a restart or a reordered configuration finds it again. */
    private String serverName;

    private volatile boolean stopped;

    /** Needed only until the rollout exists; after a restart the handle above is enough. */
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used before the first save")
    private final transient RolloutOptions options;

    private transient volatile ScheduledFuture<?> task;
    private transient ServerAccess access;
    private transient BytebaseClient client;
    private transient RolloutEngine engine;

    /** Why Bytebase could not be reached on the last poll, or empty; only for {@link #getStatus()}. */
    private transient volatile String outage;

    RolloutStepExecution(StepContext context, RolloutOptions options) {
        super(context);
        this.options = options;
        this.server = options.server();
        this.credentialsId = options.credentialsId();
        this.cancelOnAbort = options.cancelOnAbort();
        this.outputFile = options.outputFile();
    }

    /** Runs on the CPS VM thread: no I/O here, only scheduling. */
    @Override
    public boolean start() {
        task = Timer.get().schedule(this::begin, 0, TimeUnit.MILLISECONDS);
        return false;
    }

    /**
     * Creates the release, plan and rollout (or continues the plan). A create whose answer was lost is looked for by
     * the engine before anything else ({@link RolloutEngine#start}): what reaches the catch blocks here is a definite
     * failure, never a create that was carried out.
     */
    private void begin() {
        try {
            TaskListener listener = listener();
            // Continuing a plan reads no files: no need to ask for a workspace (whose agent may be offline).
            FilePath workspace = options.plan() == null ? getContext().get(FilePath.class) : null;
            RolloutRequest request = RolloutRunner.request(options, workspace, listener);
            BytebaseClient starter = access().client(Connections.console(listener));
            RolloutHandle handle = RolloutRunner.engine(starter, listener).start(request);
            remember(handle);
            getContext().saveState();
            if (!handle.targetStage().isEmpty() && getContext().get(Computer.class) != null) {
                listener.getLogger().println(Messages.RolloutStepExecution_WaitsInsideNode(handle.targetStage()));
            }
            schedule(0);
        } catch (BytebaseException | RolloutException e) {
            if (!stopping()) {
                getContext().onFailure(new AbortException(e.getMessage()));
            }
        } catch (Exception e) {
            if (!stopping()) {
                getContext().onFailure(e);
            }
        }
    }

    /**
     * One poll. The engine answers every poll with a result (an outage is a {@code WAITING} result that says why
     * Bytebase could not be reached, and its console lines come from the engine's events); it throws only when the
     * thread was interrupted, which happens when Jenkins stops.
     */
    private void poll() {
        if (stopping()) {
            return;
        }
        PollResult result;
        try {
            result = engine().poll(handle());
        } catch (Exception e) {
            if (!stopping()) {
                getContext().onFailure(e instanceof BytebaseException ? new AbortException(e.getMessage()) : e);
            }
            return;
        }
        if (stopped) {
            return;
        }
        try {
            boolean changed = !Objects.equals(fingerprint, result.handle().fingerprint());
            remember(result.handle());
            switch (result.state()) {
                case SUCCEEDED:
                    Run<?, ?> run = getContext().get(Run.class);
                    Map<String, Object> values = RolloutRunner.succeeded(
                            run, getContext().get(FilePath.class), outputFile, result, listener());
                    getContext().onSuccess(values);
                    return;
                case FAILED:
                    getContext().onFailure(RolloutRunner.failed(getContext().get(Run.class), result));
                    return;
                default:
                    outage = result.outage();
                    if (changed) {
                        getContext().saveState();
                    }
                    schedule(result.pollAgainIn().toMillis());
            }
        } catch (Exception e) {
            if (!stopping()) {
                getContext().onFailure(e);
            }
        }
    }

    private void schedule(long delayMillis) {
        if (!stopping()) {
            task = Timer.get().schedule(this::poll, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Jenkins is stopping: the paused program is saved and {@link #onResume()} polls again after the restart. A poll
     * must then neither fail the build nor schedule itself on a timer that outlives this controller.
     */
    private static boolean shuttingDown() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        return jenkins == null || jenkins.isTerminating();
    }

    /** The timer interrupts its threads when Jenkins stops; the client then gives up with an "interrupted" error. */
    private static boolean interruptedByShutdown() {
        return shuttingDown() || Thread.currentThread().isInterrupted();
    }

    /**
     * Aborted, or Jenkins is stopping. The shared connections are closed when Jenkins stops, after the Pipelines were
     * suspended but before {@link Jenkins#isTerminating()} turns true: a call that fails on a closed connection is no
     * reason to fail the build, which resumes after the restart.
     */
    private boolean stopping() {
        return stopped || interruptedByShutdown() || SharedConnections.isStopping();
    }

    /** After a controller restart: a new client (credentials looked up again), then the next poll. */
    @Override
    public void onResume() {
        if (stopped) {
            return;
        }
        if (rollout == null) {
            getContext().onFailure(new AbortException(Messages.RolloutStepExecution_RestartedBeforeStart()));
            return;
        }
        printQuietly(Messages.RolloutStepExecution_Resumed(rollout));
        schedule(0);
    }

    @Override
    public void stop(Throwable cause) {
        stopped = true;
        ScheduledFuture<?> pending = task;
        if (pending != null) {
            pending.cancel(false);
        }
        if (!cancelOnAbort || rollout == null) {
            getContext().onFailure(cause);
            return;
        }
        Timer.get().submit(() -> {
            try {
                RolloutRunner.cancel(engine(), handle(), listener());
            } catch (Exception e) {
                printQuietly(Messages.RolloutRunner_CancelFailed(e.getMessage()));
            } finally {
                getContext().onFailure(cause);
            }
        });
    }

    @Override
    public String getStatus() {
        if (rollout == null) {
            return "creating the Bytebase release, plan and rollout";
        }
        String stage = targetStage == null || targetStage.isEmpty() ? "its stages" : targetStage;
        String why = outage; // null after a restart, until the first poll
        String unreachable = why == null || why.isEmpty() ? "" : ", Bytebase cannot be reached (" + why + ")";
        return "waiting for Bytebase rollout " + rollout + " to reach " + stage + unreachable + ", next poll in "
                + pollDelayMillis + " ms";
    }

    /** The server and credentials, looked up once per step (and again after a restart). */
    private ServerAccess access() throws Exception {
        if (access == null) {
            String name = serverName != null ? serverName : server;
            access = Connections.access(name, credentialsId, getContext().get(Run.class), listener());
            serverName = access.serverName();
        }
        return access;
    }

    /**
     * The engine of the polls, on the server's shared connection as it is now: after the global configuration or the
     * proxy settings changed, the next poll goes through the new connection. The client's notes go to the Jenkins
     * log ({@link RolloutRunner#waitNotes}).
     */
    private RolloutEngine engine() throws Exception {
        BytebaseClient current =
                access().current(client, RolloutRunner.waitNotes(getContext().get(Run.class)));
        if (engine == null || current != client) {
            client = current;
            engine = RolloutRunner.engine(current, listener());
        }
        return engine;
    }

    private TaskListener listener() throws Exception {
        TaskListener listener = getContext().get(TaskListener.class);
        return listener == null ? TaskListener.NULL : listener;
    }

    private void printQuietly(String line) {
        try {
            listener().getLogger().println(line);
        } catch (Exception e) {
            // the console is gone; nothing else to tell
        }
    }

    private RolloutHandle handle() {
        return new RolloutHandle(
                project, release, plan, rollout, targetStage, deadlineEpochMillis, pollDelayMillis, fingerprint);
    }

    private void remember(RolloutHandle handle) {
        project = handle.project();
        release = handle.release();
        plan = handle.plan();
        rollout = handle.rollout();
        targetStage = handle.targetStage();
        deadlineEpochMillis = handle.deadlineEpochMillis();
        pollDelayMillis = handle.pollDelayMillis();
        fingerprint = handle.fingerprint();
    }
}
