package io.jenkins.plugins.bytebase.core.rollout;

/** Pieces of Bytebase resource names. */
final class Names {

    private Names() {}

    /** {@code projects/p/releases/release_1-RC00} gives {@code release_1-RC00}. */
    static String lastSegment(String name) {
        if (name == null) {
            return "";
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The stage of a task or task run name: everything before {@code /tasks/}, or empty. */
    static String stageOf(String taskOrRunName) {
        int tasks = taskOrRunName == null ? -1 : taskOrRunName.indexOf("/tasks/");
        return tasks < 0 ? "" : taskOrRunName.substring(0, tasks);
    }

    /** The task of a task run name: everything before {@code /taskRuns/}, or empty. */
    static String taskOf(String runName) {
        int runs = runName == null ? -1 : runName.indexOf("/taskRuns/");
        return runs < 0 ? "" : runName.substring(0, runs);
    }
}
