package io.jenkins.plugins.bytebase.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses Go's duration syntax ({@code 120s}, {@code 5m}, {@code 1h30m}, {@code 1.5s}) as {@code bytebase-action}. */
final class GoDuration {

    private static final Pattern WHOLE = Pattern.compile("(\\d*\\.?\\d*(ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d*\\.?\\d*)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "µs", 1_000L,
            "μs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private GoDuration() {}

    static Duration parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a duration; write a number and a unit, e.g. 120s, 5m, 1h30m");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            String number = part.group(1);
            if (number.isEmpty() || number.equals(".")) {
                throw new IllegalArgumentException("'" + value + "' has a unit without a number, e.g. write 5m");
            }
            nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    /** For picocli, which instantiates converters itself. */
    static final class Converter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value);
        }
    }
}
