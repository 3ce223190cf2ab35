package io.jenkins.plugins.bytebase.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Reviews a SQL file like Bytebase's PostgreSQL advisor would for a few rules (see {@link ReviewRules}): each
 * statement is parsed with JSqlParser; a syntax error is the only finding of its file.
 */
final class SqlReviewer {

    /** The review of one file: its advices, estimated affected rows, and whether it drops something. */
    record FileReview(List<Advice> advices, long affectedRows, boolean drops) {

        boolean hasError() {
            return advices.stream().anyMatch(a -> a.status().equals(Advice.ERROR));
        }

        boolean hasWarning() {
            return advices.stream().anyMatch(a -> a.status().equals(Advice.WARNING));
        }

        /** HIGH for an error or a DROP/TRUNCATE, MODERATE for a warning, LOW otherwise. */
        String riskLevel() {
            if (hasError() || drops) {
                return "HIGH";
            }
            return hasWarning() ? "MODERATE" : "LOW";
        }
    }

    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    /** PostgreSQL syntax JSqlParser does not know, removed before parsing (it changes none of the rules' results). */
    private static final Pattern UNSUPPORTED_KEYWORDS = Pattern.compile("(?i)\\bCONCURRENTLY\\b");

    FileReview review(String sql) {
        long affectedRows = 0;
        boolean drops = false;
        ReviewRules rules = new ReviewRules();
        for (SqlSplitter.Statement statement : SqlSplitter.split(sql)) {
            Statement parsed;
            try {
                parsed = parse(statement.text());
            } catch (ParseException | RuntimeException | Error e) {
                return new FileReview(List.of(syntaxError(statement, e)), 0, false);
            }
            rules.check(parsed, statement);
            affectedRows += ReviewRules.affectedRows(parsed);
            drops |= parsed instanceof Drop || parsed instanceof Truncate;
        }
        return new FileReview(rules.advices(), affectedRows, drops);
    }

    private static Statement parse(String text) throws ParseException {
        String sql = UNSUPPORTED_KEYWORDS.matcher(text).replaceAll("");
        return CCJSqlParserUtil.newParser(sql).Statement();
    }

    private static Advice syntaxError(SqlSplitter.Statement statement, Throwable e) {
        int line = 1;
        int column = 1;
        String near = "";
        if (e instanceof ParseException parseException && parseException.currentToken != null) {
            Token token = parseException.currentToken.next != null
                    ? parseException.currentToken.next
                    : parseException.currentToken;
            line = Math.max(1, token.beginLine);
            column = Math.max(1, token.beginColumn);
            near = token.image == null ? "" : token.image;
        } else {
            Matcher matcher = LEXICAL_POSITION.matcher(String.valueOf(e.getMessage()));
            if (matcher.find()) {
                line = Integer.parseInt(matcher.group(1));
                column = Integer.parseInt(matcher.group(2));
            }
        }
        int fileLine = statement.line() + line - 1;
        int fileColumn = line == 1 ? statement.column() + column - 1 : column;
        String content = "Syntax error at line " + fileLine + ":" + fileColumn
                + (near.isEmpty() ? "" : " \nrelated text: " + near.toLowerCase(Locale.ROOT));
        return new Advice(Advice.ERROR, 201, "Syntax error", content, fileLine, fileColumn);
    }
}
