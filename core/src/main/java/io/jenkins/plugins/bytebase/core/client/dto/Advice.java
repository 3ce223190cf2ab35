package io.jenkins.plugins.bytebase.core.client.dto;

/** {@code bytebase.v1.Advice}: one finding of the SQL review. */
public record Advice(
        AdviceLevel status,
        int code,
        String title,
        String content,
        Position startPosition,
        Position endPosition,
        RuleType ruleType) {

    public Advice {
        status = status == null ? AdviceLevel.ADVICE_LEVEL_UNSPECIFIED : status;
        title = title == null ? "" : title;
        content = content == null ? "" : content;
        ruleType = ruleType == null ? RuleType.RULE_TYPE_UNSPECIFIED : ruleType;
    }
}
