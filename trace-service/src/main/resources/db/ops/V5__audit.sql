-- The audit log: who did what to which, when, from where, with what outcome. Append-only: the
-- product never updates or deletes a row.
CREATE TABLE ops.audit (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL,
    principal text        NOT NULL,
    action    text        NOT NULL,
    target    text        NOT NULL,
    outcome   text        NOT NULL,
    remote    text        NOT NULL,
    detail    text        NOT NULL
);
CREATE INDEX audit_principal_idx ON ops.audit (principal, id DESC);
CREATE INDEX audit_action_idx ON ops.audit (action, id DESC);
CREATE INDEX audit_outcome_idx ON ops.audit (outcome, id DESC);
