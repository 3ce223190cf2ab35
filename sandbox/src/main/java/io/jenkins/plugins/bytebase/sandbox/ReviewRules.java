package io.jenkins.plugins.bytebase.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;

/** The review rules the sandbox imitates, with the real advisor's codes, titles and messages. */
final class ReviewRules {

    private ReviewRules() {}

    static List<Advice> check(Statement parsed, SqlSplitter.Statement statement) {
        List<Advice> advices = new ArrayList<>();
        int line = statement.line();
        int column = statement.column();
        if (parsed instanceof CreateTable create && create.getColumnDefinitions() != null) {
            Set<String> primaryKey = primaryKeyColumns(create);
            for (ColumnDefinition definition : create.getColumnDefinitions()) {
                String columnName = unquote(definition.getColumnName());
                if (!primaryKey.contains(columnName) && !hasSpec(definition, "NOT NULL")) {
                    advices.add(columnNoNull(create.getTable(), columnName, line, column));
                }
            }
            if (primaryKey.isEmpty()) {
                advices.add(new Advice(
                        Advice.WARNING,
                        601,
                        "TABLE_REQUIRE_PK",
                        "Table \"" + schema(create.getTable()) + "\".\""
                                + unquote(create.getTable().getName()) + "\" requires PRIMARY KEY",
                        line,
                        column));
            }
        } else if (parsed instanceof Alter alter && alter.getAlterExpressions() != null) {
            for (AlterExpression expression : alter.getAlterExpressions()) {
                if (expression.getColDataTypeList() == null) {
                    continue;
                }
                for (ColumnDefinition definition : expression.getColDataTypeList()) {
                    if (!hasSpec(definition, "NOT NULL") && !hasSpec(definition, "PRIMARY KEY")) {
                        advices.add(columnNoNull(alter.getTable(), unquote(definition.getColumnName()), line, column));
                    }
                }
            }
        } else if (parsed instanceof Delete delete && delete.getWhere() == null
                || parsed instanceof Update update && update.getWhere() == null) {
            advices.add(new Advice(
                    Advice.ERROR,
                    202,
                    "STATEMENT_WHERE_REQUIRE_UPDATE_DELETE",
                    "\"" + statement.text().replaceAll("\\s+", " ") + "\" requires WHERE clause",
                    line,
                    column));
        } else if (parsed instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
            advices.add(new Advice(
                    Advice.WARNING,
                    103,
                    "SCHEMA_BACKWARD_COMPATIBILITY",
                    "\"" + statement.text().replaceAll("\\s+", " ") + "\" may cause incompatibility with the existing"
                            + " data and code: drop table is not backward compatible",
                    line,
                    column));
        }
        return advices;
    }

    /** Rows an INSERT ... VALUES adds; 0 when unknown (the sandbox holds no data to estimate from). */
    static long affectedRows(Statement parsed) {
        if (parsed instanceof Insert insert && insert.getValues() != null) {
            ExpressionList<?> rows = insert.getValues().getExpressions();
            if (rows instanceof ParenthesedExpressionList<?>) {
                return 1;
            }
            return rows == null ? 0 : rows.size();
        }
        return 0;
    }

    private static Advice columnNoNull(Table table, String column, int line, int position) {
        return new Advice(
                Advice.WARNING,
                402,
                "COLUMN_NO_NULL",
                "Column \"" + column + "\" in " + schema(table) + "." + unquote(table.getName())
                        + " cannot have NULL value",
                line,
                position);
    }

    private static Set<String> primaryKeyColumns(CreateTable create) {
        Set<String> columns = new HashSet<>();
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            if (hasSpec(definition, "PRIMARY KEY")) {
                columns.add(unquote(definition.getColumnName()));
            }
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if ("PRIMARY KEY".equalsIgnoreCase(index.getType())) {
                    index.getColumnsNames().forEach(name -> columns.add(unquote(name)));
                }
            }
        }
        return columns;
    }

    private static boolean hasSpec(ColumnDefinition definition, String spec) {
        List<String> specs = definition.getColumnSpecs();
        return specs != null
                && (" " + String.join(" ", specs).toUpperCase(Locale.ROOT) + " ").contains(" " + spec + " ");
    }

    private static String schema(Table table) {
        return table.getSchemaName() == null ? "public" : unquote(table.getSchemaName());
    }

    private static String unquote(String name) {
        if (name != null && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
