package io.jenkins.plugins.bytebase.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the resource names a review or a rollout is aimed at, before any request: the server would answer a bad
 * name with a 400 that does not say which of the names is wrong. Front ends may call it for form validation too.
 */
public final class Targets {

    private static final Pattern PROJECT = Pattern.compile("projects/[^/\\s]+");
    private static final Pattern DATABASE = Pattern.compile("instances/[^/\\s]+/databases/[^/\\s]+");
    private static final Pattern DATABASE_GROUP = Pattern.compile("(projects/[^/\\s]+)/databaseGroups/[^/\\s]+");
    private static final Pattern PLAN = Pattern.compile("(projects/[^/\\s]+)/plans/[^/\\s]+");
    private static final Pattern ENVIRONMENT = Pattern.compile("environments/[^/\\s]+");

    private Targets() {}

    /**
     * @throws IllegalArgumentException unless the name is {@code projects/p}
     */
    public static void validateProject(String project) {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new IllegalArgumentException(
                    "The project must be written projects/{project-id}, e.g. projects/hr, but was '" + project + "'");
        }
    }

    /**
     * Either databases ({@code instances/i/databases/d}) or exactly one database group
     * ({@code projects/p/databaseGroups/g}) of the project, never both and never none.
     *
     * @throws IllegalArgumentException naming the wrong entry and the accepted forms
     */
    public static void validate(String project, List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("No targets given: name databases (instances/{instance}/databases/"
                    + "{database}) or one database group (projects/{project}/databaseGroups/{group})");
        }
        long groups = 0;
        for (String target : targets) {
            if (target != null && DATABASE.matcher(target).matches()) {
                continue;
            }
            var group = target == null ? null : DATABASE_GROUP.matcher(target);
            if (group == null || !group.matches()) {
                throw new IllegalArgumentException("Target '" + target + "' is neither a database "
                        + "(instances/{instance}/databases/{database}) nor a database group "
                        + "(projects/{project}/databaseGroups/{group})");
            }
            if (project != null && !group.group(1).equals(project)) {
                throw new IllegalArgumentException(
                        "Database group '" + target + "' belongs to " + group.group(1) + ", not to " + project);
            }
            groups++;
        }
        if (groups > 0 && targets.size() > 1) {
            throw new IllegalArgumentException("Targets " + targets + " mix several entries with a database group: "
                    + "name either databases or exactly one database group");
        }
    }

    /**
     * @throws IllegalArgumentException unless the name is {@code projects/p/plans/id} inside the project
     */
    public static void validatePlan(String project, String plan) {
        var matcher = plan == null ? null : PLAN.matcher(plan);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(
                    "The plan must be written projects/{project}/plans/{id}, e.g. projects/hr/plans/123, but was '"
                            + plan + "'");
        }
        if (project != null && !matcher.group(1).equals(project)) {
            throw new IllegalArgumentException(
                    "Plan '" + plan + "' belongs to " + matcher.group(1) + ", not to " + project);
        }
    }

    /**
     * @throws IllegalArgumentException unless the name is {@code environments/x}
     */
    public static void validateStage(String stage) {
        if (stage == null || !ENVIRONMENT.matcher(stage).matches()) {
            throw new IllegalArgumentException("The target stage must be an environment written environments/{id}, "
                    + "e.g. environments/prod, but was '" + stage + "'");
        }
    }
}
