package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.core.Targets;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks the shared options before any request and builds the client from them. */
final class ClientSettings {

    private ClientSettings() {}

    static BytebaseClient client(ConnectionOptions options, CliEnvironment environment, Redactor redactor) {
        // Every option is checked before the client exists, so bad usage never reaches the network.
        URI url = serverUrl(options.url);
        Credentials credentials = credentials(options, environment);
        Map<String, String> headers = customHeaders(options.customHeaders);
        if (options.timeout.isZero() || options.timeout.isNegative()) {
            throw new UsageException("--timeout must be longer than 0, e.g. 120s");
        }
        return BytebaseClient.builder(url)
                .credentials(credentials)
                .requestTimeout(options.timeout)
                .customHeaders(headers)
                .logger(line -> environment.err().println(redactor.redact(line)))
                .build();
    }

    static URI serverUrl(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(
                "--url must be an absolute http(s) URL such as https://bytebase.example.com, not '" + url + "'");
    }

    /** An access token wins over a service account, as in {@code bytebase-action}. */
    static Credentials credentials(ConnectionOptions options, CliEnvironment environment) {
        String token = firstSet(options.accessToken, environment.variable("BYTEBASE_ACCESS_TOKEN"));
        if (token != null) {
            return Credentials.accessToken(token.trim());
        }
        String account = firstSet(options.serviceAccount, environment.variable("BYTEBASE_SERVICE_ACCOUNT"));
        String secret = firstSet(options.serviceAccountSecret, environment.variable("BYTEBASE_SERVICE_ACCOUNT_SECRET"));
        if (account == null && secret == null) {
            throw new UsageException("No credentials: set BYTEBASE_SERVICE_ACCOUNT and"
                    + " BYTEBASE_SERVICE_ACCOUNT_SECRET (or BYTEBASE_ACCESS_TOKEN)");
        }
        if (account == null) {
            throw new UsageException("A service account secret is set but no account: set BYTEBASE_SERVICE_ACCOUNT"
                    + " or --service-account, e.g. ci@service.bytebase.com");
        }
        if (secret == null) {
            throw new UsageException("Service account " + account + " has no secret: set"
                    + " BYTEBASE_SERVICE_ACCOUNT_SECRET (or --service-account-secret)");
        }
        return Credentials.serviceAccount(account.trim(), secret.trim());
    }

    static String project(String project) {
        String value = project.trim();
        try {
            Targets.validateProject(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--project must look like projects/<id>, e.g. projects/hr, not '" + project + "'");
        }
        return value;
    }

    /** Databases, or exactly one database group of the project, as the server accepts (the engine's rule). */
    static List<String> targets(String project, List<String> targets) {
        List<String> cleaned = new ArrayList<>();
        for (String target : targets) {
            if (!target.isBlank()) {
                cleaned.add(target.trim());
            }
        }
        if (cleaned.isEmpty()) {
            throw new UsageException("--targets is required, e.g. --targets instances/prod/databases/hr"
                    + " (comma-separated) or --targets projects/hr/databaseGroups/all");
        }
        try {
            Targets.validate(project, cleaned);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--targets: " + e.getMessage());
        }
        return List.copyOf(cleaned);
    }

    static String filePattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new UsageException("--file-pattern is required, e.g. --file-pattern 'migrations/**/*.sql'");
        }
        return pattern.trim();
    }

    static Path root(ConnectionOptions options, CliEnvironment environment) {
        Path root = options.root == null ? environment.workingDirectory() : environment.resolve(options.root);
        if (!Files.isDirectory(root)) {
            throw new UsageException("--root " + root + " is not a directory");
        }
        return root;
    }

    /** {@code "Name: value"} entries; the values are never printed (they may hold proxy credentials). */
    static Map<String, String> customHeaders(List<String> entries) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry.trim() : entry.substring(0, colon).trim();
            if (colon < 0 || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new UsageException("--custom-header must be 'Name: value', e.g. 'CF-Access-Client-Id: abc';"
                        + " got one whose name is '" + (colon < 0 ? "(no colon)" : name) + "'");
            }
            if (name.equalsIgnoreCase("Authorization")) {
                throw new UsageException("--custom-header cannot set Authorization: the CLI authenticates with the"
                        + " service account or access token");
            }
            headers.put(name, entry.substring(colon + 1).trim());
        }
        return headers;
    }

    private static String firstSet(String option, String variable) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        return variable;
    }
}
