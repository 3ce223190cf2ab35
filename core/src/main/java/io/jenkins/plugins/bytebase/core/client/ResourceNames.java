package io.jenkins.plugins.bytebase.core.client;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the resource names that go into request paths, so a typo is reported as such instead of as a confusing 404
 * (or a request to an unrelated path).
 */
final class ResourceNames {

    /** Ids as Bytebase makes them; also keeps every path segment free of characters that would need escaping. */
    private static final String ID = "[A-Za-z0-9._~-]+";

    private static final Pattern PROJECT = Pattern.compile("projects/" + ID);
    private static final Pattern PLAN = Pattern.compile("projects/" + ID + "/plans/" + ID);
    private static final Pattern RELEASE = Pattern.compile("projects/" + ID + "/releases/" + ID);
    private static final Pattern STAGE = Pattern.compile(PLAN.pattern() + "/rollout/stages/" + ID);
    private static final Pattern TASK = Pattern.compile(STAGE.pattern() + "/tasks/" + ID);
    private static final Pattern TASK_RUN = Pattern.compile(TASK.pattern() + "/taskRuns/" + ID);
    private static final Pattern ENVIRONMENT = Pattern.compile("environments/" + ID);

    private ResourceNames() {}

    static String project(String name) {
        return check(name, PROJECT, "project", "projects/{project-id}, e.g. projects/hr");
    }

    static String plan(String name) {
        return check(name, PLAN, "plan", "projects/{project-id}/plans/{plan-id}, e.g. projects/hr/plans/123");
    }

    static String release(String name) {
        return check(
                name,
                RELEASE,
                "release",
                "projects/{project-id}/releases/{release-id}, e.g. projects/hr/releases/release_20260822-RC00");
    }

    static String stage(String name) {
        return check(
                name,
                STAGE,
                "stage",
                "projects/{project-id}/plans/{plan-id}/rollout/stages/{stage-id}, e.g. projects/hr/plans/123/rollout/stages/test");
    }

    static String environment(String name) {
        return check(name, ENVIRONMENT, "target environment", "environments/{environment-id}, e.g. environments/prod");
    }

    /** Tasks of one stage: each must be {@code {stage}/tasks/{id}}. */
    static List<String> tasksOf(String stage, List<String> tasks) {
        return childrenOf(stage, tasks, TASK, "task", "/tasks/");
    }

    /** Task runs of one stage: each must be {@code {stage}/tasks/{id}/taskRuns/{id}}. */
    static List<String> taskRunsOf(String stage, List<String> taskRuns) {
        return childrenOf(stage, taskRuns, TASK_RUN, "task run", "/tasks/");
    }

    /** The project part of any name below a project, e.g. {@code projects/hr} of a plan name. */
    static String projectOf(String name) {
        if (name == null || !name.startsWith("projects/")) {
            return "";
        }
        int end = name.indexOf('/', "projects/".length());
        return end < 0 ? name : name.substring(0, end);
    }

    private static List<String> childrenOf(
            String stage, List<String> names, Pattern pattern, String kind, String childSegment) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("No " + kind + " names given for stage " + stage);
        }
        for (String name : names) {
            if (name == null || !pattern.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid " + kind + " name '" + name + "': expected " + stage
                        + childSegment + "{id}" + (kind.equals("task run") ? "/taskRuns/{id}" : ""));
            }
            if (!name.startsWith(stage + childSegment)) {
                throw new IllegalArgumentException("The " + kind + " '" + name + "' does not belong to stage " + stage
                        + ": send it with its own stage");
            }
        }
        return List.copyOf(names);
    }

    private static String check(String name, Pattern pattern, String kind, String expected) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The " + kind + " name is missing: expected " + expected);
        }
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + kind + " name '" + name + "': expected " + expected);
        }
        return name;
    }
}
