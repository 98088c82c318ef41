-- Who asked (the gateway's authenticated principal id): a caller without the operator role lists
-- and reads only its own traces. Traces stored before this column have none (operators see them).
ALTER TABLE ops.traces ADD COLUMN caller text;
CREATE INDEX traces_caller_idx ON ops.traces (caller, created_at DESC, trace_id DESC);
