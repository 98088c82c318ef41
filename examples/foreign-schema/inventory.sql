-- The operator's own database in a shape the suite has never seen: an inventory schema with hosts,
-- nicknames and samples. Loaded by the test as the operator would have it; the suite reaches it
-- only through assets written over the API.
DROP SCHEMA IF EXISTS inventory CASCADE;
CREATE SCHEMA inventory;
CREATE TABLE inventory.hosts (
    host_id   text PRIMARY KEY,
    hostname  text NOT NULL UNIQUE,
    kind      text NOT NULL,
    state     text NOT NULL,
    site      text NOT NULL,
    team      text
);
CREATE TABLE inventory.host_names (
    host_id  text NOT NULL REFERENCES inventory.hosts(host_id),
    nickname text NOT NULL
);
CREATE TABLE inventory.host_metrics (
    host_id    text NOT NULL REFERENCES inventory.hosts(host_id),
    metric     text NOT NULL,
    sampled_at timestamptz NOT NULL,
    val        double precision NOT NULL
);
CREATE INDEX ON inventory.host_metrics (host_id, metric, sampled_at);
INSERT INTO inventory.hosts VALUES
    ('H-0001', 'web-01', 'physical', 'up',   'seoul', 'web'),
    ('H-0002', 'web-02', 'physical', 'down', 'busan', 'web'),
    ('H-0003', 'db-01',  'virtual',  'up',   'seoul', 'dba'),
    ('H-0004', 'db-02',  'virtual',  'up',   'busan', 'dba'),
    ('H-0005', 'cache-01', 'virtual', 'down', 'seoul', 'web'),
    ('H-0006', 'batch-01', 'physical', 'up',  'seoul', 'data');
INSERT INTO inventory.host_names VALUES ('H-0001', '웹서버1'), ('H-0003', '주DB');
-- 10-minute samples for 2 days before now, per host and metric, deterministic values
INSERT INTO inventory.host_metrics
SELECT h.host_id, m.metric, t,
       round((20 + (row_number() OVER (PARTITION BY h.host_id, m.metric ORDER BY t) % 50)
              + length(h.host_id || m.metric))::numeric, 1)::double precision
FROM inventory.hosts h
CROSS JOIN (VALUES ('cpu_pct'), ('ram_pct')) AS m(metric)
CROSS JOIN generate_series(date_trunc('minute', now()) - interval '2 days', date_trunc('minute', now()), interval '10 minutes') AS t;

-- What the operator grants the role the Source asset connects as (the embedded default's
-- ops_estate_reader): reading this schema, nothing else.
GRANT USAGE ON SCHEMA inventory TO ops_estate_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA inventory TO ops_estate_reader;
