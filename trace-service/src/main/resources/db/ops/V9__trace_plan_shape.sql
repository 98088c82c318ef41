-- RCA compares a stage's time with earlier traces of the same plan shape (feature:mode:route:intent:view,
-- dev.opsuite.model.PlanShape). Both are read from the trace when it is written; rows stored before this
-- migration have neither and are not part of any history.
ALTER TABLE ops.traces ADD COLUMN plan_shape text;
-- {"route_plan": 12, "execute": 40, ...}: milliseconds per stage, summed over the stage's runs.
ALTER TABLE ops.traces ADD COLUMN stage_ms jsonb;
CREATE INDEX traces_plan_shape_idx ON ops.traces (plan_shape, created_at DESC, trace_id DESC)
    WHERE plan_shape IS NOT NULL;
