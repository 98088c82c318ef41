-- The writer's id of each audit event: a batch written again (the gateway retries a batch whose
-- trace-service replica died after storing it) is stored once. Older rows and writers without ids keep
-- NULL, which never conflicts.
ALTER TABLE ops.audit ADD COLUMN event_id text;
CREATE UNIQUE INDEX audit_event_id_idx ON ops.audit (event_id);
