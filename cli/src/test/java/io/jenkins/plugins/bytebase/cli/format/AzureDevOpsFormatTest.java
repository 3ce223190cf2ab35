package io.jenkins.plugins.bytebase.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AzureDevOpsFormatTest {

    @Test
    void shouldPrintOneEscapedLogIssueCommandPerFinding() {
        assertThat(AzureDevOpsFormat.format(ReviewFixtures.mixed()))
                .isEqualTo(
                        "##vso[task.logissue type=warning;sourcepath=migrations/1.0.0_create_t1.sql;linenumber=3;"
                                + "columnnumber=1;code=402]COLUMN_NO_NULL: Column \"name\" in public.t1 cannot have NULL value"
                                + " (instances/test-sample-instance/databases/hr_test)\n"
                                + "##vso[task.logissue type=error;sourcepath=migrations/1.1.0_purge%3Bt1%5D_dml.sql;"
                                + "linenumber=1;code=202]STATEMENT_WHERE_REQUIRE_UPDATE_DELETE: \"DELETE FROM t1\" requires"
                                + " WHERE clause,%0A100%AZP25 of rows: gone (instances/test-sample-instance/databases/hr_test)\n");
    }
}
