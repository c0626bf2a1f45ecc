-- An event appended at the version read: bump the stream's version, insert the event, commit (what one entry needs).
\set s random(1, 50000)
BEGIN;
UPDATE streams SET version = version + 1, timestamp = now() WHERE id = :s RETURNING version AS v \gset
INSERT INTO events (stream_id, version, type, data)
  VALUES (:s, :v, 'equipment_registry.usage_registered', '{"rigId":"3f1c","projectId":"8a2b","installedHeightMetres":30.5,"powerHeadCount":1,"note":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}');
COMMIT;
