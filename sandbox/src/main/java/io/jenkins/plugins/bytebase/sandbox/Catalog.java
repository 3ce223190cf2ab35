package io.jenkins.plugins.bytebase.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The seeded, read-only part of the workspace: the tutorials' project, environments, databases and group. */
final class Catalog {

    static final String DATABASE_GROUP = BytebaseSandbox.DATABASE_GROUP;

    /** Environments in their order, which is the order of a rollout's stages. */
    static final List<String> ENVIRONMENTS =
            List.of(BytebaseSandbox.TEST_ENVIRONMENT, BytebaseSandbox.PROD_ENVIRONMENT);

    /** Database name to its environment. */
    private static final Map<String, String> ENVIRONMENT_BY_DATABASE = Map.of(
            BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.TEST_ENVIRONMENT,
            BytebaseSandbox.PROD_DATABASE, BytebaseSandbox.PROD_ENVIRONMENT);

    private static final Map<String, List<String>> GROUPS =
            Map.of(DATABASE_GROUP, List.of(BytebaseSandbox.TEST_DATABASE, BytebaseSandbox.PROD_DATABASE));

    private Catalog() {}

    static String projectName(String projectId) {
        String name = "projects/" + projectId;
        if (!BytebaseSandbox.PROJECT.equals(name)) {
            throw ApiException.notFound("project \"" + name + "\" not found");
        }
        return name;
    }

    static String environmentOf(String database) {
        return ENVIRONMENT_BY_DATABASE.get(database);
    }

    static boolean environmentExists(String environment) {
        return ENVIRONMENTS.contains(environment);
    }

    static String environmentId(String environment) {
        return environment.substring(environment.indexOf('/') + 1);
    }

    /**
     * Expands targets (databases, or database groups of the project) to database names, checking that each exists
     * and belongs to the project.
     */
    static List<String> resolveTargets(String project, List<String> targets) {
        if (targets.isEmpty()) {
            throw ApiException.invalid("targets cannot be empty");
        }
        Set<String> databases = new LinkedHashSet<>();
        for (String target : targets) {
            if (target.startsWith("projects/")) {
                if (!target.startsWith(project + "/databaseGroups/")) {
                    throw ApiException.invalid("target \"" + target + "\" is not in project \"" + project + "\"");
                }
                List<String> members = GROUPS.get(target);
                if (members == null) {
                    throw ApiException.notFound("database group \"" + target + "\" not found");
                }
                databases.addAll(members);
            } else if (target.matches("instances/[^/]+/databases/[^/]+")) {
                if (!ENVIRONMENT_BY_DATABASE.containsKey(target)) {
                    throw ApiException.notFound("database \"" + target + "\" not found");
                }
                databases.add(target);
            } else {
                throw ApiException.invalid("invalid target \"" + target
                        + "\": expected instances/{instance}/databases/{database} or "
                        + "projects/{project}/databaseGroups/{group}");
            }
        }
        return new ArrayList<>(databases);
    }
}
