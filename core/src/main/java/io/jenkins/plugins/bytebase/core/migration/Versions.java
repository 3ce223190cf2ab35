package io.jenkins.plugins.bytebase.core.migration;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions and change types from file names, as {@code API.md} §5 describes them. */
public final class Versions {

    private static final Pattern VERSION = Pattern.compile("^[vV]?(\\d+(\\.\\d+)*)");

    /** Orders versions numerically per dot-separated part, so {@code 1.13.0} comes after {@code 1.3.5}. */
    public static final Comparator<String> NUMERIC_ORDER = Versions::compare;

    private Versions() {}

    /** The file name without directories and without its last extension. */
    public static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The version in a file's name, e.g. {@code 1.0.0} for {@code migrations/1.0.0_init.sql}, if it has one. */
    public static Optional<String> fromFileName(String path) {
        Matcher matcher = VERSION.matcher(baseName(path));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** {@link ChangeType#DML} when the name before its extension ends in {@code dml} (any case), else DDL. */
    public static ChangeType changeType(String path) {
        return baseName(path).toLowerCase(Locale.ROOT).endsWith("dml") ? ChangeType.DML : ChangeType.DDL;
    }

    /**
     * Compares dot-separated unsigned integers numerically; missing parts count as 0, so {@code 1.0} and
     * {@code 1.0.0} are equal (the same version to Bytebase, which refuses both in one release).
     */
    public static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int order = part(a, i).compareTo(part(b, i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static BigInteger part(String[] parts, int index) {
        return index < parts.length ? new BigInteger(parts[index]) : BigInteger.ZERO;
    }
}
