-- The planner links the names in a question against a dictionary of every CI's code, name and
-- aliases and of the values its fields take. It keeps that dictionary in memory and reloads it
-- only when this revision moves: statement-level triggers bump it on any write to ci or ci_alias,
-- whoever writes (the importer, `./ops demo remove`, or an operator's own SQL).
CREATE TABLE IF NOT EXISTS estate_revision (
    id       int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO estate_revision (id, revision) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION bump_estate_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE estate_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS ci_revision ON ci;
CREATE TRIGGER ci_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ci
    FOR EACH STATEMENT EXECUTE FUNCTION bump_estate_revision();
DROP TRIGGER IF EXISTS ci_alias_revision ON ci_alias;
CREATE TRIGGER ci_alias_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ci_alias
    FOR EACH STATEMENT EXECUTE FUNCTION bump_estate_revision();
