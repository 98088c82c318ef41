-- Traces are stored as the binary ops.v1.Trace (body_pb) instead of jsonb: parsing and compressing
-- ~11 KB of JSON per trace bound ingest at ~650 traces/s in PostgreSQL alone (README, Performance).
-- Rows written before this migration keep their jsonb body and are read as before.
ALTER TABLE ops.traces ADD COLUMN body_pb bytea;
ALTER TABLE ops.traces ALTER COLUMN body DROP NOT NULL;
ALTER TABLE ops.traces ADD CONSTRAINT traces_body_present CHECK (body_pb IS NOT NULL OR body IS NOT NULL);
