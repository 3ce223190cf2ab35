package io.jenkins.plugins.bytebase.core.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A glob with the doublestar semantics of {@code bytebase-action}: {@code *} matches within one path segment,
 * {@code **} as a whole segment matches any number of segments (zero included, so {@code migrations/**}{@code /*.sql}
 * matches {@code migrations/a.sql}), {@code ?} one character of a segment, {@code [abc]}/{@code [!a-z]} a class,
 * {@code {a,b}} alternatives and {@code \} escapes the next character.
 *
 * <p>Written by hand because {@code java.nio}'s glob needs at least one directory for {@code **}{@code /}. Paths are
 * matched segment by segment, which also answers whether a directory may hold a match (to prune the walk and to
 * spot symlinked directories the pattern reaches into).
 */
public final class GlobPattern {

    /** Marks a {@code **} segment (compared by identity). */
    private static final Pattern ANY_SEGMENTS = Pattern.compile(".*");

    private final String glob;
    private final List<Pattern> segments;

    private GlobPattern(String glob, List<Pattern> segments) {
        this.glob = glob;
        this.segments = segments;
    }

    /**
     * @param glob relative, {@code /}-separated; {@code .} and empty segments are ignored
     * @throws IllegalArgumentException for a blank glob, an absolute one, a {@code ..} segment or broken syntax
     */
    public static GlobPattern compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("the file pattern is empty");
        }
        if (glob.startsWith("/")) {
            throw new IllegalArgumentException("the file pattern '" + glob + "' is absolute; make it relative");
        }
        List<Pattern> segments = new ArrayList<>();
        for (String segment : splitSegments(glob)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException(
                        "the file pattern '" + glob + "' contains '..', which leads outside the root");
            }
            if (segment.equals("**")) {
                if (segments.isEmpty() || segments.get(segments.size() - 1) != ANY_SEGMENTS) {
                    segments.add(ANY_SEGMENTS);
                }
                continue;
            }
            try {
                segments.add(Pattern.compile(segmentRegex(segment, glob)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the file pattern '" + glob + "' is not a valid glob", e);
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the file pattern '" + glob + "' matches no file name");
        }
        return new GlobPattern(glob, List.copyOf(segments));
    }

    /** Whether a relative, {@code /}-separated path matches. */
    public boolean matches(String path) {
        String[] parts = split(path);
        return matchFrom(0, parts, 0, new byte[segments.size() + 1][parts.length + 1]);
    }

    /** Whether some path below this relative directory ({@code ""} for the root) can match. */
    public boolean mayMatchBelow(String directory) {
        String[] parts = split(directory);
        return prefixFrom(0, parts, 0, new byte[segments.size() + 1][parts.length + 1]);
    }

    @Override
    public String toString() {
        return glob;
    }

    // memo: 0 unknown, 1 false, 2 true; keeps patterns with several ** linear in practice
    private boolean matchFrom(int p, String[] path, int s, byte[][] memo) {
        if (memo[p][s] != 0) {
            return memo[p][s] == 2;
        }
        boolean result;
        if (p == segments.size()) {
            result = s == path.length;
        } else if (segments.get(p) == ANY_SEGMENTS) {
            result = matchFrom(p + 1, path, s, memo) || (s < path.length && matchFrom(p, path, s + 1, memo));
        } else {
            result = s < path.length
                    && segments.get(p).matcher(path[s]).matches()
                    && matchFrom(p + 1, path, s + 1, memo);
        }
        memo[p][s] = (byte) (result ? 2 : 1);
        return result;
    }

    private boolean prefixFrom(int p, String[] dir, int s, byte[][] memo) {
        if (memo[p][s] != 0) {
            return memo[p][s] == 2;
        }
        boolean result;
        if (s == dir.length) {
            result = p < segments.size();
        } else if (p == segments.size()) {
            result = false;
        } else if (segments.get(p) == ANY_SEGMENTS) {
            result = prefixFrom(p + 1, dir, s, memo) || prefixFrom(p, dir, s + 1, memo);
        } else {
            result = segments.get(p).matcher(dir[s]).matches() && prefixFrom(p + 1, dir, s + 1, memo);
        }
        memo[p][s] = (byte) (result ? 2 : 1);
        return result;
    }

    private static String[] split(String path) {
        return Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toArray(String[]::new);
    }

    /** Splits on {@code /} outside braces and classes, keeping escapes for the segment parser. */
    private static List<String> splitSegments(String glob) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int braces = 0;
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                current.append(c).append(glob.charAt(++i));
                continue;
            }
            if (c == '/' && (braces > 0 || inClass)) {
                throw new IllegalArgumentException(
                        "the file pattern '" + glob + "' has a '/' inside {...} or [...]; write one pattern per path");
            }
            if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            } else if (c == '{' && !inClass) {
                braces++;
            } else if (c == '}' && !inClass && braces > 0) {
                braces--;
            }
            if (c == '/') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (braces > 0 || inClass) {
            throw new IllegalArgumentException("the file pattern '" + glob + "' has an unclosed '{' or '['");
        }
        parts.add(current.toString());
        return parts;
    }

    private static String segmentRegex(String segment, String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '\\' -> regex.append(Pattern.quote(String.valueOf(segment.charAt(++i))));
                case '*' -> {
                    regex.append("[^/]*");
                    while (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                        i++; // ** inside a segment is a plain *
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = appendClass(segment, i, regex, glob);
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        regex.append("\\}");
                    } else {
                        braces--;
                        regex.append(')');
                    }
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static int appendClass(String segment, int start, StringBuilder regex, String glob) {
        int end = segment.indexOf(']', start + 2);
        if (end < 0) {
            throw new IllegalArgumentException("the file pattern '" + glob + "' has an unclosed '['");
        }
        String body = segment.substring(start + 1, end);
        boolean negated = body.startsWith("!") || body.startsWith("^");
        if (negated) {
            body = body.substring(1);
        }
        regex.append('[').append(negated ? "^/" : "");
        for (char c : body.toCharArray()) {
            regex.append(c == '-' ? "-" : (Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c));
        }
        regex.append(']');
        return end;
    }
}
