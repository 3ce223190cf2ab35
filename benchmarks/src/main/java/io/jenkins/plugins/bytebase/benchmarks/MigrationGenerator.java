package io.jenkins.plugins.bytebase.benchmarks;

import io.jenkins.plugins.bytebase.core.migration.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes realistic small migration files (about 220 to 360 bytes): a table created, then altered, then indexed, in turn.
 * Every tenth table has a nullable column, so the review finds a warning now and then, as in a real repository.
 */
final class MigrationGenerator {

    private MigrationGenerator() {}

    static List<SourceFile> generate(int count) {
        List<SourceFile> files = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int table = (i - 1) / 3 * 3 + 1;
            String sql =
                    switch (i % 3) {
                        case 1 -> createTable(i);
                        case 2 -> alterTable(i, table);
                        default -> createIndex(i, table);
                    };
            String kind =
                    switch (i % 3) {
                        case 1 -> "create_table";
                        case 2 -> "add_column";
                        default -> "add_index";
                    };
            files.add(new SourceFile(
                    "migrations/" + i + ".0.0_" + kind + "_t" + table + ".sql", sql.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    static long totalBytes(List<SourceFile> files) {
        return files.stream().mapToLong(file -> file.content().length).sum();
    }

    private static String createTable(int version) {
        String nickname = version % 10 == 1 ? "    nickname VARCHAR(100),\n" : "";
        return "-- Version " + version + ": the employee table t" + version + " of the HR schema.\n"
                + "CREATE TABLE t" + version + " (\n"
                + "    id BIGINT PRIMARY KEY,\n"
                + "    employee_no INT NOT NULL,\n"
                + "    first_name VARCHAR(64) NOT NULL,\n"
                + "    last_name VARCHAR(64) NOT NULL,\n"
                + nickname
                + "    email VARCHAR(255) NOT NULL,\n"
                + "    hired_on DATE NOT NULL,\n"
                + "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
                + ");\n";
    }

    private static String alterTable(int version, int table) {
        return "-- Version " + version + ": employees of t" + table + " get a status and a department; existing rows\n"
                + "-- default to 'active' so that the change is backward compatible with the running service.\n"
                + "ALTER TABLE t" + table + " ADD COLUMN status VARCHAR(32) NOT NULL DEFAULT 'active';\n"
                + "ALTER TABLE t" + table + " ADD COLUMN department_id BIGINT NOT NULL DEFAULT 0;\n";
    }

    private static String createIndex(int version, int table) {
        return "-- Version " + version + ": the directory page searches t" + table + " by last name and e-mail;\n"
                + "-- e-mail addresses are unique across the company.\n"
                + "CREATE INDEX idx_t" + table + "_last_name ON t" + table + " (last_name);\n"
                + "CREATE UNIQUE INDEX idx_t" + table + "_email ON t" + table + " (email);\n";
    }
}
