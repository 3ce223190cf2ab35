package io.jenkins.plugins.bytebase.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hides secrets in anything printed. The secrets are the values given to options whose name mentions a secret or a
 * token (also when the option name is misspelt, so picocli would echo the value as an unknown argument), the values
 * of custom headers, and the secret environment variables.
 */
final class Redactor {

    static final String MASK = "****";
    /** Bytebase's secrets, and the CI systems' tokens that {@code check} uses on the code host. */
    static final List<String> SECRET_VARIABLES = List.of(
            "BYTEBASE_SERVICE_ACCOUNT_SECRET",
            "BYTEBASE_ACCESS_TOKEN",
            "GITHUB_TOKEN",
            "CI_JOB_TOKEN",
            "SYSTEM_ACCESSTOKEN");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(String[] args, CliEnvironment environment) {
        List<String> secrets = new ArrayList<>();
        for (String variable : SECRET_VARIABLES) {
            add(secrets, environment.variable(variable));
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || !isSensitiveOption(arg)) {
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals >= 0) {
                add(secrets, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                add(secrets, args[i + 1]);
            }
            if (arg.toLowerCase(Locale.ROOT).startsWith("--custom-header")) {
                addHeaderValue(
                        secrets, equals >= 0 ? arg.substring(equals + 1) : (i + 1 < args.length ? args[i + 1] : ""));
            }
        }
        // The longest first, so that a secret containing another is masked whole.
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redactor(List.copyOf(secrets));
    }

    private static boolean isSensitiveOption(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        int equals = name.indexOf('=');
        if (equals >= 0) {
            name = name.substring(0, equals);
        }
        return name.contains("secret")
                || name.contains("token")
                || name.contains("password")
                || name.contains("header");
    }

    private static void addHeaderValue(List<String> secrets, String header) {
        int colon = header.indexOf(':');
        if (colon >= 0) {
            add(secrets, header.substring(colon + 1).trim());
        }
    }

    private static void add(List<String> secrets, String value) {
        // Very short values would mask ordinary words; a real secret is longer.
        if (value != null && value.trim().length() >= 4) {
            secrets.add(value.trim());
        }
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
