-- The tutorials' first migration: a table whose name column may be NULL.

CREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT);
