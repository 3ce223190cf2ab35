-- A data change: the file name ends in "dml", so reports mark it DML.

INSERT INTO t1 (name) VALUES ('alice');
