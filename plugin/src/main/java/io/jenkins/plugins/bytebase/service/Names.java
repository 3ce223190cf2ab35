package io.jenkins.plugins.bytebase.service;

/** Accepts short names where the API wants full resource names, as users write them in Jenkinsfiles. */
final class Names {

    private Names() {}

    /** {@code hr} or {@code projects/hr} gives {@code projects/hr}. */
    static String project(String project) {
        return project.startsWith("projects/") ? project : "projects/" + project;
    }

    /** {@code test} or {@code environments/test} gives {@code environments/test}; {@code null} stays. */
    static String environment(String stage) {
        if (stage == null) {
            return null;
        }
        return stage.contains("/") ? stage : "environments/" + stage;
    }

    /** {@code 123} gives {@code projects/p/plans/123}; a full name stays. */
    static String plan(String project, String plan) {
        if (plan == null) {
            return null;
        }
        return plan.contains("/") ? plan : project + "/plans/" + plan;
    }
}
