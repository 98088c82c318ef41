-- The events list filters by type, severity and CI, all optional, and always by a time range,
-- newest first with a limit. With only (ci_code, ts) and (event_type, ts) indexes, "critical alerts
-- in the last 2 days" read every alert of the range and sorted it: 164 ms of PostgreSQL time on
-- the bench's 1M events (README, Performance). Newest-first over ts stops after the first page.
CREATE INDEX IF NOT EXISTS ci_event_ts_idx ON ci_event (ts DESC);
