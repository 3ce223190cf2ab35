package io.jenkins.plugins.bytebase.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.core.client.BytebaseException;
import io.jenkins.plugins.bytebase.core.rollout.PollResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutException;
import io.jenkins.plugins.bytebase.core.rollout.RolloutHandle;
import io.jenkins.plugins.bytebase.core.rollout.RolloutRequest;
import io.jenkins.plugins.bytebase.service.RolloutOptions;
import io.jenkins.plugins.bytebase.service.RolloutRunner;
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
 */
final class RolloutStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    /** Polls that fail in a row (network, 5xx after the client's own retries) before the step gives up. */
    private static final int MAX_FAILED_POLLS = 5;

    private static final long FAILED_POLL_DELAY_MILLIS = 5_000;

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

    private volatile boolean stopped;

    /** Needed only until the rollout exists; after a restart the handle above is enough. */
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used before the first save")
    private final transient RolloutOptions options;

    private transient volatile ScheduledFuture<?> task;
    private transient RolloutEngine engine;
    private transient int failedPolls;

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

    private void begin() {
        try {
            TaskListener listener = listener();
            FilePath workspace = getContext().get(FilePath.class);
            RolloutRequest request = RolloutRunner.request(options, workspace, listener);
            RolloutHandle handle = engine().start(request);
            remember(handle);
            getContext().saveState();
            schedule(0);
        } catch (BytebaseException | RolloutException e) {
            if (!interruptedByShutdown()) {
                getContext().onFailure(new AbortException(e.getMessage()));
            }
        } catch (Exception e) {
            if (!interruptedByShutdown()) {
                getContext().onFailure(e);
            }
        }
    }

    private void poll() {
        if (stopped || shuttingDown()) {
            return;
        }
        PollResult result;
        try {
            result = engine().poll(handle());
            failedPolls = 0;
        } catch (BytebaseException | RolloutException e) {
            if (interruptedByShutdown()) {
                return;
            }
            if (++failedPolls < MAX_FAILED_POLLS && e instanceof BytebaseException) {
                printQuietly(Messages.RolloutStepExecution_PollFailed(e.getMessage()));
                schedule(FAILED_POLL_DELAY_MILLIS);
            } else {
                getContext().onFailure(new AbortException(e.getMessage()));
            }
            return;
        } catch (Exception e) {
            if (!interruptedByShutdown()) {
                getContext().onFailure(e);
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
                    if (changed) {
                        getContext().saveState();
                    }
                    schedule(result.pollAgainIn().toMillis());
            }
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    private void schedule(long delayMillis) {
        if (!stopped && !shuttingDown()) {
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
        return "waiting for Bytebase rollout " + rollout + " to reach " + stage + ", next poll in " + pollDelayMillis
                + " ms";
    }

    private RolloutEngine engine() throws Exception {
        if (engine == null) {
            engine = RolloutRunner.engine(server, credentialsId, getContext().get(Run.class), listener());
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
