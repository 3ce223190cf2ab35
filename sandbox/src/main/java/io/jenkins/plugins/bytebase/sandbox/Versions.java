package io.jenkins.plugins.bytebase.sandbox;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Pattern;

/** Release file versions: dot-separated unsigned integers, compared numerically ({@code 1.13.0 > 1.3.5}). */
final class Versions {

    private static final Pattern VALID = Pattern.compile("\\d+(\\.\\d+)*");

    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {}

    static boolean isValid(String version) {
        return VALID.matcher(version).matches();
    }

    static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            BigInteger x = i < a.length ? new BigInteger(a[i]) : BigInteger.ZERO;
            BigInteger y = i < b.length ? new BigInteger(b[i]) : BigInteger.ZERO;
            int result = x.compareTo(y);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }
}
