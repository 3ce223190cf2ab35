package io.jenkins.plugins.bytebase.core.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code bytebase.v1.Plan.ChangeDatabaseConfig}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChangeDatabaseConfig(List<String> targets, String release, String sheet, Boolean enablePriorBackup) {

    public ChangeDatabaseConfig {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public static ChangeDatabaseConfig forRelease(List<String> targets, String release) {
        return new ChangeDatabaseConfig(targets, release, null, null);
    }
}
