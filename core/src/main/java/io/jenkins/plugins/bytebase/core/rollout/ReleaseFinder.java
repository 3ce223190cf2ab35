package io.jenkins.plugins.bytebase.core.rollout;

import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.BytebaseNotFoundException;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the release that a create made when its answer was lost.
 *
 * <p>The GitOps Service Agent role may read a release by name but not list releases ({@code bb.releases.list} is not
 * among its permissions), and a release carries nothing unique of the request. What the API does fix is the name: the
 * server renders the release id template with its clock at creation ({@code release_{date}-RC}) and appends an
 * iteration that counts up from {@code 00} per project and rendered template. So the finder renders the template for
 * every minute from a margin before the request to a margin after now, finds each one's highest iteration by reading
 * releases by name, reads down from there to the first release created before the request, and takes the newest one
 * with the same type, files (path, version, SHA-256 of the content) and VCS source.
 */
final class ReleaseFinder {

    /** How far the server's clock may be from ours. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private static final String DEFAULT_TEMPLATE = "release_{date}-RC{iteration}";
    private static final String ITERATION = "{iteration}";
    private static final int MAX_READ_DOWN = 50;

    private final BytebaseClient client;
    private final RideOut reads;

    ReleaseFinder(BytebaseClient client, RideOut reads) {
        this.client = client;
        this.reads = reads;
    }

    /**
     * @param sent the release as sent (files with their content)
     * @param template the release id template sent, or {@code null} for the server's default
     * @param timezone the time zone sent, or {@code null} for the server's default (UTC)
     */
    Optional<Release> find(
            String project, Release sent, String template, String timezone, long sentAtMillis, long nowMillis) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone == null || timezone.isBlank() ? "UTC" : timezone);
        } catch (DateTimeException unknownZone) {
            return Optional.empty(); // a zone only the server knows: its ids cannot be rendered here
        }
        String effective = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        Set<String> wantedFiles = fingerprints(sent.files());
        Instant notBefore = Instant.ofEpochMilli(sentAtMillis).minus(CLOCK_MARGIN);
        Release newest = null;
        for (String prefix : prefixes(
                effective, zone, notBefore, Instant.ofEpochMilli(nowMillis).plus(CLOCK_MARGIN))) {
            Release match = newestMatch(project, prefix, sent, wantedFiles, notBefore);
            if (match != null
                    && (newest == null
                            || CreateTimes.of(match.createTime()).isAfter(CreateTimes.of(newest.createTime())))) {
                newest = match;
            }
        }
        return Optional.ofNullable(newest);
    }

    private Release newestMatch(
            String project, String prefix, Release sent, Set<String> wantedFiles, Instant notBefore) {
        String base = project + "/releases/" + prefix;
        NumberedProbe<Release> iterations = new NumberedProbe<>(iteration -> reads.read(
                "reading release " + base + iteration,
                () -> get(base + String.format(Locale.ROOT, "%02d", iteration))));
        long highest = iterations.highest(0);
        for (long iteration = highest; iteration >= 0 && iteration > highest - MAX_READ_DOWN; iteration--) {
            Release release = iterations.at(iteration).orElse(null);
            if (release == null || CreateTimes.of(release.createTime()).isBefore(notBefore)) {
                return null;
            }
            if (sameContent(release, sent, wantedFiles)) {
                return release;
            }
        }
        return null;
    }

    private Optional<Release> get(String name) {
        try {
            return Optional.of(client.getRelease(name));
        } catch (BytebaseNotFoundException | IllegalArgumentException missing) {
            return Optional.empty(); // not there, or a template whose ids are no resource names at all
        }
    }

    private static boolean sameContent(Release release, Release sent, Set<String> wantedFiles) {
        return release.type() == sent.type()
                && Objects.equals(urlOf(release), urlOf(sent))
                && release.files().size() == sent.files().size()
                && wantedFiles.equals(storedFingerprints(release.files()));
    }

    private static String urlOf(Release release) {
        return release.vcsSource() == null ? null : release.vcsSource().url();
    }

    /** The template's fixed part for each distinct minute of the window, newest first. */
    static List<String> prefixes(String template, ZoneId zone, Instant from, Instant to) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (Instant minute = to; !minute.isBefore(from); minute = minute.minus(Duration.ofMinutes(1))) {
            prefixes.add(render(template, ZonedDateTime.ofInstant(minute, zone)));
        }
        prefixes.add(render(template, ZonedDateTime.ofInstant(from, zone)));
        return new ArrayList<>(prefixes);
    }

    /** As the server renders it: {@code {date}}, {@code {time}}, {@code {timestamp}}, and the iteration left out. */
    static String render(String template, ZonedDateTime time) {
        return template.replace(
                        "{date}", DateTimeFormatter.ofPattern("yyyyMMdd").format(time))
                .replace("{time}", DateTimeFormatter.ofPattern("HHmm").format(time))
                .replace(
                        "{timestamp}",
                        DateTimeFormatter.ofPattern("yyyyMMdd_HHmm").format(time))
                .replace(ITERATION, "");
    }

    private static Set<String> fingerprints(List<ReleaseFile> files) {
        Set<String> result = new LinkedHashSet<>();
        files.forEach(file -> result.add(file.path() + "\n" + file.version() + "\n" + sha256(file.statement())));
        return result;
    }

    private static Set<String> storedFingerprints(List<ReleaseFile> files) {
        Set<String> result = new LinkedHashSet<>();
        files.forEach(file -> result.add(file.path() + "\n" + file.version() + "\n" + file.sheetSha256()));
        return result;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(content == null ? "".getBytes(StandardCharsets.UTF_8) : content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
