-- Versions the product's seed wrote, not an operator. An asset whose newest version is one of these
-- and still published follows the product's defaults: a newer seed with other content publishes it as
-- the next version (the seeded one archived). An asset an operator changed is never touched.
ALTER TABLE ops.assets ADD COLUMN seeded boolean NOT NULL DEFAULT false;
-- Before this column the seed wrote version 1, created and published in one statement (one now()).
UPDATE ops.assets SET seeded = true WHERE version = 1 AND published_at = created_at;
