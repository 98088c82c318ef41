-- The asset registry: every version of every asset; content is the asset's JSON object.
CREATE TABLE ops.assets (
    asset_type   text        NOT NULL
        CHECK (asset_type IN ('source', 'schema', 'resolver', 'query', 'mapping', 'prompt', 'policy', 'screen')),
    name         text        NOT NULL CHECK (name <> ''),
    version      integer     NOT NULL CHECK (version > 0),
    status       text        NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    content      jsonb       NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    PRIMARY KEY (asset_type, name, version)
);

-- At most one published version per asset: publishing a new one archives the old in the same
-- transaction, so a resolve never sees two.
CREATE UNIQUE INDEX assets_one_published_idx ON ops.assets (asset_type, name) WHERE status = 'published';

-- Which asset (by name) a request uses for a type when it brings no override.
CREATE TABLE ops.asset_defaults (
    asset_type text PRIMARY KEY
        CHECK (asset_type IN ('source', 'schema', 'resolver', 'query', 'mapping', 'prompt', 'policy', 'screen')),
    name       text NOT NULL CHECK (name <> '')
);
