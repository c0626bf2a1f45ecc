-- A 20-event stream read in order (what a rig's history or trail needs).
\set s random(1, 50000)
SELECT seq, version, type, data, timestamp FROM events WHERE stream_id = :s ORDER BY version;
