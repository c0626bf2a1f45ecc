-- A 50-row page by key, newest first, from a random depth (what a list page needs).
\set i random(1, 99000)
SELECT id, data FROM docs WHERE (registered_at, id) < (now() - :i * interval '1 minute', 0) ORDER BY registered_at DESC, id DESC LIMIT 50;
