package io.jenkins.plugins.bytebase.core.client.dto;

import java.util.List;

/** {@code bytebase.v1.CheckReleaseResponse}. */
public record CheckReleaseResponse(List<CheckResult> results, long affectedRows, RiskLevel riskLevel) {

    public CheckReleaseResponse {
        results = results == null ? List.of() : List.copyOf(results);
        riskLevel = riskLevel == null ? RiskLevel.RISK_LEVEL_UNSPECIFIED : riskLevel;
    }
}
