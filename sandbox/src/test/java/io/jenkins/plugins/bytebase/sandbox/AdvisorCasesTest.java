package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of Bytebase's PostgreSQL advisor tests for the rules the sandbox imitates (column no null, table require PK,
 * WHERE for UPDATE/DELETE), each with the advices the real advisor gives: code, line and message. The cases that need a
 * schema catalog of existing tables are left out, since the sandbox has none.
 */
class AdvisorCasesTest {

    private final SqlReviewer reviewer = new SqlReviewer();

    static Stream<Arguments> cases() {
        return Stream.of(
                // column_no_null
                Arguments.of(
                        "CREATE TABLE book (\n  id int,\n  name varchar(255)\n)",
                        List.of(
                                "402 2 Column \"id\" in \"public\".\"book\" cannot have NULL value",
                                "402 3 Column \"name\" in \"public\".\"book\" cannot have NULL value",
                                "601 1 Table \"public\".\"book\" requires PRIMARY KEY, related statement:"
                                        + " \"CREATE TABLE book (   id int,   name varchar(255) )\"")),
                Arguments.of(
                        "CREATE TABLE book(id int, name varchar(255), PRIMARY KEY (id))",
                        List.of("402 1 Column \"name\" in \"public\".\"book\" cannot have NULL value")),
                Arguments.of(
                        "CREATE TABLE book(id int PRIMARY KEY, name varchar(255))",
                        List.of("402 1 Column \"name\" in \"public\".\"book\" cannot have NULL value")),
                Arguments.of("CREATE TABLE book(id int PRIMARY KEY, name varchar(255) NOT NULL)", List.of()),
                Arguments.of(
                        "ALTER TABLE tech_book ADD COLUMN reader int",
                        List.of("402 1 Column \"reader\" in \"public\".\"tech_book\" cannot have NULL value")),
                Arguments.of(
                        "ALTER TABLE tech_book DROP COLUMN id;\nALTER TABLE tech_book DROP COLUMN name;\n"
                                + "ALTER TABLE tech_book ADD COLUMN id int PRIMARY KEY,"
                                + " ADD COLUMN name varchar(255) NOT NULL;",
                        List.of()),
                Arguments.of("ALTER TABLE tech_book ALTER COLUMN id SET NOT NULL", List.of()),
                Arguments.of(
                        "ALTER TABLE tech_book ALTER COLUMN name DROP NOT NULL",
                        List.of("402 1 Column \"name\" in \"public\".\"tech_book\" cannot have NULL value")),
                Arguments.of("/* this is a comment */", List.of()),
                // table_require_pk
                Arguments.of("CREATE TABLE t(id INT PRIMARY KEY)", List.of()),
                Arguments.of("CREATE TABLE t(id INT, PRIMARY KEY (id))", List.of()),
                Arguments.of(
                        "CREATE TABLE t(id INT)",
                        List.of(
                                "402 1 Column \"id\" in \"public\".\"t\" cannot have NULL value",
                                "601 1 Table \"public\".\"t\" requires PRIMARY KEY, related statement:"
                                        + " \"CREATE TABLE t(id INT)\"")),
                Arguments.of(
                        "CREATE TABLE employees(id INT, name VARCHAR(100));\nALTER TABLE employees ADD PRIMARY KEY (id);",
                        List.of("402 1 Column \"name\" in \"public\".\"employees\" cannot have NULL value")),
                Arguments.of(
                        "CREATE TABLE audit_log(id INT, payload TEXT);\nALTER TABLE audit_log ADD COLUMN note TEXT;",
                        List.of(
                                "402 1 Column \"id\" in \"public\".\"audit_log\" cannot have NULL value",
                                "402 2 Column \"note\" in \"public\".\"audit_log\" cannot have NULL value",
                                "402 1 Column \"payload\" in \"public\".\"audit_log\" cannot have NULL value",
                                "601 2 Table \"public\".\"audit_log\" requires PRIMARY KEY, related statement:"
                                        + " \"ALTER TABLE audit_log ADD COLUMN note TEXT\"")),
                Arguments.of(
                        "DROP TABLE tech_book;\nCREATE TABLE tech_book(id INT, name TEXT);",
                        List.of(
                                "402 2 Column \"id\" in \"public\".\"tech_book\" cannot have NULL value",
                                "402 2 Column \"name\" in \"public\".\"tech_book\" cannot have NULL value",
                                "601 2 Table \"public\".\"tech_book\" requires PRIMARY KEY, related statement:"
                                        + " \"CREATE TABLE tech_book(id INT, name TEXT)\"",
                                "103 1 \"DROP TABLE tech_book\" may cause incompatibility with the existing data"
                                        + " and code")),
                Arguments.of(
                        "CREATE TABLE t(id INT);\nALTER TABLE t RENAME TO u;",
                        List.of(
                                "402 1 Column \"id\" in \"public\".\"t\" cannot have NULL value",
                                "601 2 Table \"public\".\"u\" requires PRIMARY KEY, related statement:"
                                        + " \"ALTER TABLE t RENAME TO u\"")),
                Arguments.of(
                        "CREATE TABLE t(id INT);\nALTER TABLE t RENAME TO u;\nALTER TABLE u ADD PRIMARY KEY (id);",
                        List.of("402 1 Column \"id\" in \"public\".\"t\" cannot have NULL value")),
                Arguments.of(
                        "CREATE TABLE t(id INT);\nALTER TABLE public.t ADD COLUMN note TEXT;",
                        List.of(
                                // Sorted by table: the advisor keys an altered table by its name as written.
                                "402 2 Column \"note\" in \"public\".\"public.t\" cannot have NULL value",
                                "402 1 Column \"id\" in \"public\".\"t\" cannot have NULL value",
                                "601 2 Table \"public\".\"t\" requires PRIMARY KEY, related statement:"
                                        + " \"ALTER TABLE public.t ADD COLUMN note TEXT\"")),
                // statement_where_require_update_delete
                Arguments.of("DELETE FROM t1", List.of("202 1 \"DELETE FROM t1\" requires WHERE clause")),
                Arguments.of("UPDATE t1 SET a = 1", List.of("202 1 \"UPDATE t1 SET a = 1\" requires WHERE clause")),
                Arguments.of("DELETE FROM t1 WHERE a > 0", List.of()),
                Arguments.of("UPDATE t1 SET a = 1 WHERE a > 10", List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldAdviseAsBytebasesAdvisor(String sql, List<String> expected) {
        List<String> advices = reviewer.review(sql).advices().stream()
                .map(advice -> advice.code() + " " + advice.line() + " " + advice.content())
                .toList();

        assertThat(advices).containsExactlyElementsOf(expected);
        assertThat(reviewer.review(sql).advices())
                .allSatisfy(advice -> assertThat(advice.column()).isZero());
    }
}
