package io.jenkins.plugins.bytebase.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at semicolons outside quotes, comments and dollar-quoted bodies, and finds
 * where each statement starts: the 1-based line and column (in code points) of its first token that is not a
 * comment.
 */
final class SqlSplitter {

    /** One statement: its text from its first token to before its semicolon, and where that token is. */
    record Statement(String text, int line, int column) {}

    private SqlSplitter() {}

    static List<Statement> split(String sql) {
        List<Statement> statements = new ArrayList<>();
        int start = -1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = endOfLine(sql, i);
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == ';') {
                if (start >= 0) {
                    statements.add(statement(sql, start, i));
                    start = -1;
                }
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            i = skipToken(sql, i);
        }
        if (start >= 0) {
            statements.add(statement(sql, start, n));
        }
        return statements;
    }

    /** Line (1-based) of an offset. */
    static int lineOf(String sql, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Statement statement(String sql, int start, int end) {
        int lineStart = sql.lastIndexOf('\n', start - 1) + 1;
        int column = sql.codePointCount(lineStart, start) + 1;
        return new Statement(sql.substring(start, end).strip(), lineOf(sql, start), column);
    }

    private static int endOfLine(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end;
    }

    /** Skips one quoted string, quoted identifier, dollar-quoted body or plain character. */
    private static int skipToken(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (c == '$') {
            int close = sql.indexOf('$', i + 1);
            if (close > 0 && sql.substring(i + 1, close).matches("[A-Za-z_]*")) {
                String tag = sql.substring(i, close + 1);
                int end = sql.indexOf(tag, close + 1);
                return end < 0 ? sql.length() : end + tag.length();
            }
        }
        return i + 1;
    }
}
