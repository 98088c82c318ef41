-- Execution Traces. The indexed columns are copies of the Trace's scalar fields for listing and
-- filtering; body is the whole Trace as proto JSON (proto field names), the source of truth.
CREATE TABLE ops.traces (
    trace_id        text        PRIMARY KEY,
    parent_trace_id text,
    feature         text,
    endpoint        text,
    method          text,
    ops_mode        text,
    question        text,
    status          text,
    route           text,
    duration_ms     integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    body            jsonb       NOT NULL
);

-- Newest-first listing and its keyset pagination: ORDER BY created_at DESC, trace_id DESC.
CREATE INDEX traces_newest_idx ON ops.traces (created_at DESC, trace_id DESC);
-- Children of a trace (reruns, stage tests).
CREATE INDEX traces_parent_idx ON ops.traces (parent_trace_id) WHERE parent_trace_id IS NOT NULL;
-- Filtered listings stay newest-first without a sort.
CREATE INDEX traces_route_idx ON ops.traces (route, created_at DESC, trace_id DESC);
CREATE INDEX traces_status_idx ON ops.traces (status, created_at DESC, trace_id DESC);
CREATE INDEX traces_feature_idx ON ops.traces (feature, created_at DESC, trace_id DESC);
