package io.jenkins.plugins.bytebase.core.client.dto;

import java.util.List;

/** {@code bytebase.v1.Stage}: the tasks of one environment; stage id = environment id. */
public record Stage(String name, String id, String environment, List<Task> tasks) {

    public Stage {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        environment = environment == null ? "" : environment;
    }
}
