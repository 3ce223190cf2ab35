package io.jenkins.plugins.bytebase.sandbox;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Server-made release ids from a template such as {@code release_{date}-RC{iteration}}. */
final class ReleaseIds {

    static final String DEFAULT_TEMPLATE = "release_{date}-RC{iteration}";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

    private ReleaseIds() {}

    /** The next id; {@code nextIterationByPrefix} counts iterations per distinct expanded prefix. */
    static String next(String template, String timezone, Instant now, Map<String, Integer> nextIterationByPrefix) {
        String effectiveTemplate = template == null || template.isEmpty() ? DEFAULT_TEMPLATE : template;
        if (!effectiveTemplate.endsWith("{iteration}")) {
            throw ApiException.invalid(
                    "invalid release id template \"" + effectiveTemplate + "\": it must end with {iteration}");
        }
        if (!effectiveTemplate.contains("{date}")
                && !effectiveTemplate.contains("{time}")
                && !effectiveTemplate.contains("{timestamp}")) {
            throw ApiException.invalid("invalid release id template \"" + effectiveTemplate
                    + "\": it must contain {date}, {time} or {timestamp}");
        }
        ZonedDateTime time = now.atZone(zone(timezone));
        String prefix = effectiveTemplate
                .substring(0, effectiveTemplate.length() - "{iteration}".length())
                .replace("{timestamp}", TIMESTAMP.format(time))
                .replace("{date}", DATE.format(time))
                .replace("{time}", TIME.format(time));
        if (prefix.contains("{") || prefix.contains("}") || prefix.contains("/")) {
            throw ApiException.invalid("invalid release id template \"" + effectiveTemplate
                    + "\": only {date}, {time}, {timestamp} and a final {iteration} are supported");
        }
        int iteration = nextIterationByPrefix.merge(prefix, 1, Integer::sum) - 1;
        return prefix + String.format("%02d", iteration);
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw ApiException.invalid("invalid release id timezone \"" + timezone + "\"");
        }
    }
}
