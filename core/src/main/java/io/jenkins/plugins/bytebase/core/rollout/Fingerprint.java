package io.jenkins.plugins.bytebase.core.rollout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the previous polls saw, small enough to live in a {@link RolloutHandle}: each stage's id, whether it was started
 * (its tasks were sent to run) and whether its completion was reported, each task's status as one letter, and, while
 * Bytebase cannot be reached, since when, e.g. {@code ~1767225600000;test+started+done:456=D,457=S;prod:458=N}.
 * Keeping it in the handle rather than in the engine lets a handle restored after a restart report exactly what
 * changed since, and an outage once. Text that cannot be read counts as "nothing seen yet".
 */
final class Fingerprint {

    private static final String STARTED = "+started";
    private static final String DONE = "+done";
    /** Leads the outage part; never the start of a stage id (Bytebase ids are lower-case letters, digits, dashes). */
    private static final String OUTAGE = "~";

    private static final Map<TaskState, Character> CODES = new EnumMap<>(TaskState.class);
    private static final Map<Character, TaskState> STATES = new HashMap<>();

    static {
        code(TaskState.NOT_STARTED, 'N');
        code(TaskState.PENDING, 'P');
        code(TaskState.RUNNING, 'R');
        code(TaskState.DONE, 'D');
        code(TaskState.FAILED, 'F');
        code(TaskState.CANCELED, 'C');
        code(TaskState.SKIPPED, 'S');
        code(TaskState.UNKNOWN, 'U');
    }

    /** One stage as seen. */
    record StageMark(boolean started, boolean doneReported, Map<String, TaskState> tasks) {}

    static final Fingerprint EMPTY = new Fingerprint(Map.of(), 0);

    private final Map<String, StageMark> stages;
    private final long outageSinceMillis;

    private Fingerprint(Map<String, StageMark> stages, long outageSinceMillis) {
        this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        this.outageSinceMillis = outageSinceMillis;
    }

    private static void code(TaskState state, char letter) {
        CODES.put(state, letter);
        STATES.put(letter, state);
    }

    /** The marks of a snapshot's stages; {@code started} and {@code done} are the stage ids already reported. */
    static Fingerprint of(RolloutSnapshot snapshot, List<String> started, List<String> done) {
        Map<String, StageMark> stages = new LinkedHashMap<>();
        for (StageSnapshot stage : snapshot.stages()) {
            String id = Names.lastSegment(stage.name());
            Map<String, TaskState> tasks = new LinkedHashMap<>();
            stage.tasks().forEach(task -> tasks.put(Names.lastSegment(task.name()), task.state()));
            stages.put(id, new StageMark(started.contains(id), done.contains(id), tasks));
        }
        return new Fingerprint(stages, 0);
    }

    static Fingerprint parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        try {
            Map<String, StageMark> stages = new LinkedHashMap<>();
            long outageSince = 0;
            for (String stage : text.split(";", -1)) {
                if (stage.startsWith(OUTAGE)) {
                    outageSince = Long.parseLong(stage.substring(OUTAGE.length()));
                    continue;
                }
                int colon = stage.indexOf(':');
                String head = stage.substring(0, colon);
                boolean started = head.contains(STARTED);
                boolean done = head.contains(DONE);
                String id = head.replace(STARTED, "").replace(DONE, "");
                Map<String, TaskState> tasks = new LinkedHashMap<>();
                String body = stage.substring(colon + 1);
                if (!body.isEmpty()) {
                    for (String task : body.split(",", -1)) {
                        int equals = task.indexOf('=');
                        if (equals < 0 || equals != task.length() - 2) {
                            return EMPTY;
                        }
                        tasks.put(
                                task.substring(0, equals),
                                STATES.getOrDefault(task.charAt(equals + 1), TaskState.UNKNOWN));
                    }
                }
                stages.put(id, new StageMark(started, done, tasks));
            }
            return new Fingerprint(stages, outageSince);
        } catch (IndexOutOfBoundsException | NumberFormatException unreadable) {
            return EMPTY;
        }
    }

    String format() {
        List<String> parts = new ArrayList<>();
        if (outageSinceMillis > 0) {
            parts.add(OUTAGE + outageSinceMillis);
        }
        stages.forEach((id, mark) -> {
            StringBuilder part = new StringBuilder(id);
            if (mark.started()) {
                part.append(STARTED);
            }
            if (mark.doneReported()) {
                part.append(DONE);
            }
            part.append(':');
            List<String> tasks = new ArrayList<>();
            mark.tasks().forEach((task, state) -> tasks.add(task + "=" + CODES.get(state)));
            part.append(String.join(",", tasks));
            parts.add(part.toString());
        });
        return String.join(";", parts);
    }

    /** When Bytebase stopped answering, or 0 when the last poll reached it. */
    long outageSinceMillis() {
        return outageSinceMillis;
    }

    /** The same marks, with Bytebase unreachable since {@code sinceMillis} (0: reachable). */
    Fingerprint withOutageSince(long sinceMillis) {
        return new Fingerprint(stages, sinceMillis);
    }

    /** The status the previous poll saw, or {@code null} when it did not see the task. */
    TaskState state(String stageId, String taskId) {
        StageMark mark = stages.get(stageId);
        return mark == null ? null : mark.tasks().get(taskId);
    }

    boolean started(String stageId) {
        StageMark mark = stages.get(stageId);
        return mark != null && mark.started();
    }

    boolean doneReported(String stageId) {
        StageMark mark = stages.get(stageId);
        return mark != null && mark.doneReported();
    }

    List<String> startedStages() {
        return stages.entrySet().stream()
                .filter(e -> e.getValue().started())
                .map(Map.Entry::getKey)
                .toList();
    }

    List<String> doneStages() {
        return stages.entrySet().stream()
                .filter(e -> e.getValue().doneReported())
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public String toString() {
        return format();
    }
}
