-- One document by primary key (what a scan needs per lookup).
\set i random(1, 100000)
SELECT data FROM docs WHERE id = :i;
