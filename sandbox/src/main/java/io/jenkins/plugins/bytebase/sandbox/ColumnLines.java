package io.jenkins.plugins.bytebase.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line on which a column stands inside a statement, as the advisor reports a column rule: the line of the
 * column's definition (or of its ALTER COLUMN clause), or the statement's first line when the name is not found.
 */
final class ColumnLines {

    private final SqlSplitter.Statement statement;

    ColumnLines(SqlSplitter.Statement statement) {
        this.statement = statement;
    }

    /** The line of column {@code column}'s definition in a CREATE TABLE's element list. */
    int inCreateTable(String column) {
        String text = statement.text();
        int open = text.indexOf('(');
        if (open < 0) {
            return statement.line();
        }
        int depth = 0;
        boolean atElementStart = true;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int afterComment = skipComment(text, i);
            if (afterComment != i) {
                i = afterComment - 1;
                continue;
            }
            if (atElementStart && depth == 0) {
                atElementStart = false;
                if (startsWithName(text, i, column)) {
                    return lineAt(i);
                }
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() : end;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                atElementStart = true;
            }
        }
        return statement.line();
    }

    /** The line of the ALTER TABLE clause that names {@code column} after {@code keyword} (ADD or ALTER). */
    int inAlterTable(String keyword, String column) {
        Pattern clause = Pattern.compile("(?i)\\b" + keyword + "\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                + namePattern(column) + "(?!\\w)");
        Matcher matcher = clause.matcher(statement.text());
        return matcher.find() ? lineAt(matcher.start()) : statement.line();
    }

    private int lineAt(int offset) {
        return statement.line() + SqlSplitter.lineOf(statement.text(), offset) - 1;
    }

    private static boolean startsWithName(String text, int at, String column) {
        Matcher matcher = Pattern.compile(namePattern(column) + "(?!\\w)").matcher(text);
        return matcher.find(at) && matcher.start() == at;
    }

    /** A column name as written: a quoted name exactly, an unquoted one in any case. */
    private static String namePattern(String column) {
        return column.startsWith("\"") ? Pattern.quote(column) : "(?i:" + Pattern.quote(column) + ")";
    }

    private static int skipComment(String text, int i) {
        if (text.startsWith("--", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end + 1;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        return i;
    }
}
