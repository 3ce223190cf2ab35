package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.report.OutputFile;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEvent;
import io.jenkins.plugins.bytebase.core.rollout.RolloutListener;
import io.jenkins.plugins.bytebase.core.rollout.RolloutSnapshot;
import io.jenkins.plugins.bytebase.core.rollout.StageSnapshot;
import io.jenkins.plugins.bytebase.core.rollout.TaskSnapshot;
import io.jenkins.plugins.bytebase.core.rollout.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a rollout's events with their Bytebase links, and one progress line (stage, task counts, elapsed) whenever
 * the counts change, or every 30 seconds while nothing does, so a long wait shows it is alive.
 */
final class RolloutProgress implements RolloutListener {

    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final CliEnvironment environment;
    private final String serverPrefix;
    private final Clock clock;
    private final Instant started;
    private final OutputNames names;
    private String lastLine = "";
    private Instant lastPrinted;

    RolloutProgress(CliEnvironment environment, String serverUrl, OutputNames names) {
        this.environment = environment;
        this.serverPrefix = serverUrl + "/";
        this.clock = environment.clock();
        this.started = clock.instant();
        this.lastPrinted = started;
        this.names = names;
    }

    @Override
    public void onEvent(RolloutEvent event) {
        rememberName(event);
        String link = event.url() == null || event.url().isEmpty() ? "" : "  " + event.url();
        environment.err().println("[" + elapsed() + "] " + event.message() + link);
    }

    /** Prints the current stage's task counts when they changed or the heartbeat is due. */
    void onSnapshot(RolloutSnapshot snapshot, String targetStage) {
        if (snapshot == null) {
            return;
        }
        StageSnapshot current = null;
        for (StageSnapshot stage : snapshot.stages()) {
            current = stage;
            if (!stage.isComplete() || stage.environment().equals(targetStage)) {
                break;
            }
        }
        if (current == null) {
            return;
        }
        String line = current.environment() + ": " + counts(current);
        Instant now = clock.instant();
        if (!line.equals(lastLine) || Duration.between(lastPrinted, now).compareTo(HEARTBEAT) >= 0) {
            environment.err().println("[" + elapsed() + "] " + line);
            lastLine = line;
            lastPrinted = now;
        }
    }

    static String counts(StageSnapshot stage) {
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        for (TaskSnapshot task : stage.tasks()) {
            byState.merge(task.state(), 1L, Long::sum);
        }
        String states = byState.entrySet().stream()
                .map(entry -> entry.getValue() + " "
                        + entry.getKey()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '))
                .collect(Collectors.joining(", "));
        return MigrationLoader.plural(stage.tasks().size(), "task") + (states.isEmpty() ? "" : " (" + states + ")");
    }

    String elapsed() {
        long seconds = Duration.between(started, clock.instant()).toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** The events link to the resources; their names are kept for the output file, even if a later step fails. */
    private void rememberName(RolloutEvent event) {
        if (event.url() == null || !event.url().startsWith(serverPrefix)) {
            return;
        }
        String name = event.url().substring(serverPrefix.length());
        switch (event.type()) {
            case RELEASE_CREATED -> names.release = name;
            case PLAN_CREATED, PLAN_CONTINUED -> names.plan = name;
            case ROLLOUT_CREATED -> names.rollout = name;
            default -> {
                // other events name stages and tasks
            }
        }
    }

    /** The resource names for {@code --output}, as far as they are known. */
    static final class OutputNames {
        String release;
        String plan;
        String rollout;

        OutputFile toOutput() {
            return new OutputFile(release, plan, rollout, null);
        }
    }
}
