package io.jenkins.plugins.bytebase.cli.vcs;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a pull request's author is a machine. Bytebase counts the people who change databases through pull
 * requests, so pull requests opened by bots (dependency updaters, apps, service principals) send no author.
 */
final class BotAccounts {

    /** GitLab's project and group access tokens act as users named like {@code project_42_bot_0a1b2c}. */
    private static final Pattern GITLAB_TOKEN_USER = Pattern.compile("(project|group)_\\d+_bot_[a-z0-9]+");

    private BotAccounts() {}

    /** GitHub: the account type {@code Bot}, or an app's {@code name[bot]} login. */
    static boolean gitHub(String type, String login) {
        return "bot".equalsIgnoreCase(type) || hasBotSuffix(login);
    }

    static boolean gitLab(String username) {
        return hasBotSuffix(username)
                || GITLAB_TOKEN_USER.matcher(lower(username)).matches();
    }

    /** Bitbucket: a bot, or an app user (type {@code app} or {@code app_user}). */
    static boolean bitbucket(String type, String nickname) {
        String kind = lower(type);
        return kind.equals("bot") || kind.equals("app") || kind.equals("app_user") || hasBotSuffix(nickname);
    }

    /** Azure DevOps: service identities ({@code svc.} descriptors) and service principals ({@code aadsp.}). */
    static boolean azureDevOps(String descriptor, String uniqueName) {
        String kind = lower(descriptor);
        return kind.startsWith("svc.") || kind.startsWith("aadsp.") || hasBotSuffix(uniqueName);
    }

    private static boolean hasBotSuffix(String name) {
        return lower(name).endsWith("[bot]");
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
