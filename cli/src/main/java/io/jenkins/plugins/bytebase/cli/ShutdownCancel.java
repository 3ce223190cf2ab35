package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.rollout.RolloutEngine;
import io.jenkins.plugins.bytebase.core.rollout.RolloutHandle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * While a rollout is waited for, stopping the process (Ctrl-C, a canceled CI job's SIGTERM) cancels the rollout's
 * pending and running task runs, as {@code bytebase-action} does, then runs {@code afterCancel}. In-process runs
 * (tests) install nothing.
 */
final class ShutdownCancel implements AutoCloseable {

    private final Thread hook;
    private volatile boolean armed = true;

    private ShutdownCancel(Thread hook) {
        this.hook = hook;
    }

    static ShutdownCancel install(
            CliEnvironment environment,
            RolloutEngine engine,
            AtomicReference<RolloutHandle> handle,
            Runnable afterCancel) {
        if (!environment.cancelOnShutdown()) {
            return new ShutdownCancel(null);
        }
        ShutdownCancel[] self = new ShutdownCancel[1];
        Thread hook = new Thread(
                () -> {
                    if (self[0].armed) {
                        try {
                            int canceled = engine.cancel(handle.get());
                            environment.err().println("Stopped: canceled " + canceled + " task run(s) in Bytebase");
                        } catch (RuntimeException e) {
                            environment.err().println("Stopped: could not cancel the task runs: " + e.getMessage());
                        }
                        afterCancel.run();
                    }
                },
                "bytebase-rollout-cancel");
        self[0] = new ShutdownCancel(hook);
        Runtime.getRuntime().addShutdownHook(hook);
        return self[0];
    }

    void disarm() {
        armed = false;
    }

    @Override
    public void close() {
        disarm();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run; nothing to remove
            }
        }
    }
}
