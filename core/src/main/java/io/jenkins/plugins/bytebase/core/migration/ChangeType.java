package io.jenkins.plugins.bytebase.core.migration;

/**
 * The tutorials' naming: a file name ending in {@code dml} before its extension is a data change, anything else a
 * schema change. Kept on the model and in reports only; the current API has no per-file type.
 */
public enum ChangeType {
    DDL,
    DML
}
