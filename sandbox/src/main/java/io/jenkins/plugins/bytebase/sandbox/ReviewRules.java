package io.jenkins.plugins.bytebase.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The review rules the sandbox imitates, applied to one file's statements in order, with the PostgreSQL advisor's
 * codes, titles, messages and positions.
 *
 * <p>Like the advisor, the column rule (402) and the primary key rule (601) follow a table through the whole file
 * (a later {@code ADD PRIMARY KEY} or {@code SET NOT NULL} clears a finding) and report at the end; every position has
 * column 0 (unknown). The advices come grouped by rule, as the server runs one advisor per rule of the review policy.
 * The sandbox has no schema catalog, so the rules that need the existing tables (dropping a primary key) are not
 * imitated.
 */
final class ReviewRules {

    private static final String PUBLIC = "public";

    /** A nullable column the file leaves behind, keyed as the advisor keys it. */
    private record ColumnKey(String table, String column) {}

    /** A table created without a primary key, and the last statement of the file that touched it. */
    private record TableWithoutKey(String schema, String table, int line, String statement) {}

    private final Map<ColumnKey, Integer> nullableColumns = new LinkedHashMap<>();
    private final Map<String, TableWithoutKey> tablesWithoutKey = new LinkedHashMap<>();
    private final List<Advice> whereAdvices = new ArrayList<>();
    private final List<Advice> compatibilityAdvices = new ArrayList<>();

    void check(Statement parsed, SqlSplitter.Statement statement) {
        if (parsed instanceof CreateTable create) {
            createTable(create, statement);
        } else if (parsed instanceof Alter alter && alter.getAlterExpressions() != null) {
            alterTable(alter, statement);
        } else if (parsed instanceof Delete delete && delete.getWhere() == null
                || parsed instanceof Update update && update.getWhere() == null) {
            whereAdvices.add(new Advice(
                    Advice.ERROR,
                    202,
                    "STATEMENT_WHERE_REQUIRE_UPDATE_DELETE",
                    "\"" + Identifiers.statementText(statement.text()) + "\" requires WHERE clause",
                    statement.line(),
                    0));
        } else if (parsed instanceof Drop drop && isTableOrView(drop)) {
            tablesWithoutKey.remove(tableKey(drop.getName()));
            compatibilityAdvices.add(new Advice(
                    Advice.WARNING,
                    103,
                    "SCHEMA_BACKWARD_COMPATIBILITY",
                    "\"" + Identifiers.statementText(statement.text())
                            + "\" may cause incompatibility with the existing data and code",
                    statement.line(),
                    0));
        }
    }

    /** The file's advices: nullable columns sorted by table and column, tables without a key, then the rest. */
    List<Advice> advices() {
        List<Advice> advices = new ArrayList<>();
        nullableColumns.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(ColumnKey::table).thenComparing(ColumnKey::column)))
                .forEach(entry -> advices.add(new Advice(
                        Advice.WARNING,
                        402,
                        "COLUMN_NO_NULL",
                        "Column " + Identifiers.goQuoted(entry.getKey().column()) + " in "
                                + Identifiers.goQuoted(PUBLIC) + "."
                                + Identifiers.goQuoted(entry.getKey().table())
                                + " cannot have NULL value",
                        entry.getValue(),
                        0)));
        for (TableWithoutKey table : tablesWithoutKey.values()) {
            advices.add(new Advice(
                    Advice.WARNING,
                    601,
                    "TABLE_REQUIRE_PK",
                    "Table " + Identifiers.goQuoted(table.schema()) + "." + Identifiers.goQuoted(table.table())
                            + " requires PRIMARY KEY, related statement: "
                            + Identifiers.goQuoted(Identifiers.statementText(table.statement())),
                    table.line(),
                    0));
        }
        advices.addAll(whereAdvices);
        advices.addAll(compatibilityAdvices);
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

    private void createTable(CreateTable create, SqlSplitter.Statement statement) {
        if (create.getColumnDefinitions() == null) {
            return;
        }
        // The column rule names every created table in schema "public", whatever the statement says, as the advisor.
        String table = Identifiers.normalize(create.getTable().getName());
        ColumnLines lines = new ColumnLines(statement);
        boolean hasPrimaryKey = false;
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            String column = definition.getColumnName();
            nullableColumns.put(new ColumnKey(table, Identifiers.normalize(column)), lines.inCreateTable(column));
            if (hasSpec(definition, "NOT NULL") || hasSpec(definition, "PRIMARY KEY")) {
                nullableColumns.remove(new ColumnKey(table, Identifiers.normalize(column)));
            }
            hasPrimaryKey |= hasSpec(definition, "PRIMARY KEY");
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if (isPrimaryKey(index)) {
                    hasPrimaryKey = true;
                    index.getColumnsNames()
                            .forEach(name -> nullableColumns.remove(new ColumnKey(table, Identifiers.normalize(name))));
                }
            }
        }
        String key = tableKey(create.getTable());
        tablesWithoutKey.remove(key);
        if (!hasPrimaryKey) {
            tablesWithoutKey.put(
                    key, new TableWithoutKey(schema(create.getTable()), table, statement.line(), statement.text()));
        }
    }

    private void alterTable(Alter alter, SqlSplitter.Statement statement) {
        // The column rule keys an altered table by its name as written (schema and quotes included), as the advisor.
        String table = alter.getTable().getFullyQualifiedName();
        String key = tableKey(alter.getTable());
        ColumnLines lines = new ColumnLines(statement);
        for (AlterExpression expression : alter.getAlterExpressions()) {
            AlterOperation operation = expression.getOperation();
            if (operation == AlterOperation.ADD && expression.getColDataTypeList() != null) {
                for (ColumnDefinition definition : expression.getColDataTypeList()) {
                    ColumnKey column = new ColumnKey(table, Identifiers.normalize(definition.getColumnName()));
                    if (hasSpec(definition, "NOT NULL") || hasSpec(definition, "PRIMARY KEY")) {
                        nullableColumns.remove(column);
                    } else {
                        nullableColumns.put(column, lines.inAlterTable("ADD", definition.getColumnName()));
                    }
                }
            } else if (operation == AlterOperation.ALTER && expression.getColDataTypeList() != null) {
                for (ColumnDefinition definition : expression.getColDataTypeList()) {
                    ColumnKey column = new ColumnKey(table, Identifiers.normalize(definition.getColumnName()));
                    String change = definition.toString().toUpperCase(Locale.ROOT);
                    if (change.contains(" SET NOT NULL")) {
                        nullableColumns.remove(column);
                    } else if (change.contains(" DROP NOT NULL")) {
                        nullableColumns.put(column, lines.inAlterTable("ALTER", definition.getColumnName()));
                    }
                }
            }
            List<String> primaryKey = primaryKeyColumns(expression);
            if (!primaryKey.isEmpty()) {
                primaryKey.forEach(name -> nullableColumns.remove(new ColumnKey(table, Identifiers.normalize(name))));
                tablesWithoutKey.remove(key);
            }
        }
        TableWithoutKey withoutKey = tablesWithoutKey.remove(key);
        if (withoutKey != null) {
            String renamed = renamedTo(alter);
            String name = renamed == null ? withoutKey.table() : Identifiers.normalize(renamed);
            tablesWithoutKey.put(
                    withoutKey.schema() + "." + name,
                    new TableWithoutKey(withoutKey.schema(), name, statement.line(), statement.text()));
        }
    }

    private static List<String> primaryKeyColumns(AlterExpression expression) {
        if (expression.getOperation() != AlterOperation.ADD) {
            return List.of();
        }
        if (expression.getPkColumns() != null) {
            return expression.getPkColumns();
        }
        if (expression.getIndex() != null && isPrimaryKey(expression.getIndex())) {
            return expression.getIndex().getColumnsNames();
        }
        return List.of();
    }

    private static String renamedTo(Alter alter) {
        for (AlterExpression expression : alter.getAlterExpressions()) {
            if (expression.getOperation() == AlterOperation.RENAME_TABLE) {
                return expression.getNewTableName();
            }
        }
        return null;
    }

    private static boolean isPrimaryKey(Index index) {
        return index.getType() != null
                && index.getType().toUpperCase(Locale.ROOT).endsWith("PRIMARY KEY");
    }

    private static boolean isTableOrView(Drop drop) {
        return "TABLE".equalsIgnoreCase(drop.getType()) || "VIEW".equalsIgnoreCase(drop.getType());
    }

    private static boolean hasSpec(ColumnDefinition definition, String spec) {
        List<String> specs = definition.getColumnSpecs();
        return specs != null
                && (" " + String.join(" ", specs).toUpperCase(Locale.ROOT) + " ").contains(" " + spec + " ");
    }

    private static String tableKey(Table table) {
        return schema(table) + "." + Identifiers.normalize(table.getName());
    }

    private static String schema(Table table) {
        return table.getSchemaName() == null ? PUBLIC : Identifiers.normalize(table.getSchemaName());
    }
}
