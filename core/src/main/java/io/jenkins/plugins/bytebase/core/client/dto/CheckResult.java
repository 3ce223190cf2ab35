package io.jenkins.plugins.bytebase.core.client.dto;

import java.util.List;

/** {@code bytebase.v1.CheckReleaseResponse.CheckResult}: the advices for one file against one target. */
public record CheckResult(String file, String target, List<Advice> advices, long affectedRows, RiskLevel riskLevel) {

    public CheckResult {
        file = file == null ? "" : file;
        target = target == null ? "" : target;
        advices = advices == null ? List.of() : List.copyOf(advices);
        riskLevel = riskLevel == null ? RiskLevel.RISK_LEVEL_UNSPECIFIED : riskLevel;
    }
}
