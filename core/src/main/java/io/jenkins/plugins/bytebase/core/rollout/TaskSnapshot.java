package io.jenkins.plugins.bytebase.core.rollout;

import java.io.Serializable;

/**
 * One task as last seen.
 *
 * @param name {@code projects/p/plans/1/rollout/stages/test/tasks/2}
 * @param database {@code instances/i/databases/d}
 * @param state its status
 * @param detail why it failed or was skipped, or empty
 * @param url its Bytebase page
 */
public record TaskSnapshot(String name, String database, TaskState state, String detail, String url)
        implements Serializable {}
