package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlReviewerTest {

    private final SqlReviewer reviewer = new SqlReviewer();

    @Test
    void shouldReportASyntaxErrorOnItsLineAndNothingElse() {
        SqlReviewer.FileReview review =
                reviewer.review("DELETE FROM t1;\n-- next\nCREATE TABLE t2 (\n  id INT,,\n  name TEXT);");
        assertThat(review.advices()).hasSize(1);
        Advice advice = review.advices().get(0);
        assertThat(advice.code()).isEqualTo(201);
        assertThat(advice.status()).isEqualTo("ERROR");
        assertThat(advice.line()).isEqualTo(4);
        assertThat(advice.content()).startsWith("Syntax error at line 4:");
        assertThat(review.riskLevel()).isEqualTo("HIGH");
    }

    @Test
    void shouldRequireWhereForDeleteAndUpdate() {
        List<Advice> advices = reviewer.review(
                        "UPDATE t1 SET a = 1 WHERE id = 2;\n\nDELETE FROM t1;\nUPDATE t1 SET a = 1;")
                .advices();
        assertThat(advices).extracting(Advice::code, Advice::line).containsExactly(tuple(202, 3), tuple(202, 4));
        assertThat(advices.get(0).content()).isEqualTo("\"DELETE FROM t1\" requires WHERE clause");
        assertThat(advices.get(0).title()).isEqualTo("STATEMENT_WHERE_REQUIRE_UPDATE_DELETE");
    }

    @Test
    void shouldRequireAPrimaryKeyAndNotNullColumns() {
        List<Advice> advices = reviewer.review("CREATE TABLE app.t3 (\n  a INT NOT NULL,\n  b TEXT\n);")
                .advices();
        assertThat(advices).extracting(Advice::code, Advice::line).containsExactly(tuple(402, 3), tuple(601, 1));
        // The column rule names created tables in schema "public" whatever the statement says, as the advisor does.
        assertThat(advices.get(0).content()).isEqualTo("Column \"b\" in \"public\".\"t3\" cannot have NULL value");
        assertThat(advices.get(1).content())
                .isEqualTo("Table \"app\".\"t3\" requires PRIMARY KEY, related statement:"
                        + " \"CREATE TABLE app.t3 (   a INT NOT NULL,   b TEXT )\"");
    }

    @Test
    void shouldAcceptATableLevelPrimaryKey() {
        assertThat(reviewer.review("CREATE TABLE t4 (a INT, b TEXT NOT NULL, PRIMARY KEY (a));")
                        .advices())
                .isEmpty();
    }

    @Test
    void shouldCheckAddedColumns() {
        List<Advice> advices = reviewer.review(
                        "ALTER TABLE t1 ADD COLUMN c INT;\nALTER TABLE t1 ADD COLUMN d INT NOT NULL DEFAULT 0;")
                .advices();
        assertThat(advices).extracting(Advice::code, Advice::line).containsExactly(tuple(402, 1));
        assertThat(advices.get(0).content()).isEqualTo("Column \"c\" in \"public\".\"t1\" cannot have NULL value");
    }

    @Test
    void shouldWarnOnDropTableAndRateItHigh() {
        SqlReviewer.FileReview review = reviewer.review("/* cleanup */ DROP TABLE t1;");
        assertThat(review.advices())
                .extracting(Advice::code, Advice::status, Advice::line)
                .containsExactly(tuple(103, "WARNING", 1));
        assertThat(review.advices().get(0).content())
                .isEqualTo("\"DROP TABLE t1\" may cause incompatibility with the existing data and code");
        assertThat(review.riskLevel()).isEqualTo("HIGH");
    }

    @Test
    void shouldWarnOnTheTutorialsNullableColumnOnItsOwnLine() {
        List<Advice> advices = reviewer.review("CREATE TABLE t1 (\n  id SERIAL PRIMARY KEY,\n  name TEXT\n);")
                .advices();
        assertThat(advices)
                .extracting(Advice::code, Advice::line, Advice::column, Advice::content)
                .containsExactly(tuple(402, 3, 0, "Column \"name\" in \"public\".\"t1\" cannot have NULL value"));
    }

    @Test
    void shouldFindAColumnLineWhateverTheQuotingCaseAndComments() {
        List<Advice> advices = reviewer.review(
                        "CREATE TABLE name ( -- the table is called name\n  \"Id\" INT PRIMARY KEY,\n"
                                + "  /* a note */ Name TEXT,\n  total NUMERIC(10, 2)\n);")
                .advices();
        assertThat(advices)
                .extracting(Advice::line, Advice::content)
                .containsExactly(
                        tuple(3, "Column \"name\" in \"public\".\"name\" cannot have NULL value"),
                        tuple(4, "Column \"total\" in \"public\".\"name\" cannot have NULL value"));
    }

    @Test
    void shouldCountInsertedRows() {
        SqlReviewer.FileReview review = reviewer.review(
                "INSERT INTO t1 (name) VALUES ('a;b');\nINSERT INTO t1 (id, name) VALUES (1, 'x'), (2, 'y');");
        assertThat(review.advices()).isEmpty();
        assertThat(review.affectedRows()).isEqualTo(3);
        assertThat(review.riskLevel()).isEqualTo("LOW");
    }

    @Test
    void shouldSplitOutsideQuotesCommentsAndDollarBodies() {
        List<SqlSplitter.Statement> statements = SqlSplitter.split("-- a; b\nSELECT ';';\n/* ; */\n"
                + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n  SELECT \"x;y\" FROM t");
        assertThat(statements).extracting(SqlSplitter.Statement::line).containsExactly(2, 4, 5);
        assertThat(statements.get(2).column()).isEqualTo(3);
        assertThat(statements.get(1).text()).endsWith("LANGUAGE sql");
    }
}
