-- Who saved each version (the gateway's caller); '' for versions saved before this column and the seed.
ALTER TABLE ops.assets ADD COLUMN created_by text NOT NULL DEFAULT '';

-- Reviews of asset versions (publish gate: a warning needs an approve by someone other than the author).
CREATE TABLE ops.asset_reviews (
    review_id  bigserial   PRIMARY KEY,
    asset_type text        NOT NULL,
    name       text        NOT NULL,
    version    integer     NOT NULL,
    reviewer   text        NOT NULL CHECK (reviewer <> ''),
    decision   text        NOT NULL CHECK (decision IN ('approve', 'reject')),
    comment    text        NOT NULL,
    at         timestamptz NOT NULL,
    FOREIGN KEY (asset_type, name, version) REFERENCES ops.assets (asset_type, name, version) ON DELETE CASCADE
);
CREATE INDEX asset_reviews_version_idx ON ops.asset_reviews (asset_type, name, version, at, review_id);

-- The publish gate's last report per version, as its protobuf bytes (ops.v1.GateReport).
CREATE TABLE ops.asset_gate_reports (
    asset_type text        NOT NULL,
    name       text        NOT NULL,
    version    integer     NOT NULL,
    judgment   text        NOT NULL,
    at         timestamptz NOT NULL,
    body       bytea       NOT NULL,
    PRIMARY KEY (asset_type, name, version),
    FOREIGN KEY (asset_type, name, version) REFERENCES ops.assets (asset_type, name, version) ON DELETE CASCADE
);
