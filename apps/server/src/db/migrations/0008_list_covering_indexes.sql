-- The authority list (db/queries/authorityList.ts) finds a page's ids and its tab counts on these
-- columns only: submitted applications of a round by region prefix and category, with the id (review
-- join) and the organisation (name sort) in the index, so both queries are index-only scans.
CREATE INDEX IF NOT EXISTS "applications_submitted_scope_idx"
  ON "applications" ("round_id", "region_code" varchar_pattern_ops, "category") INCLUDE ("id", "organisation_id")
  WHERE "current_number" IS NOT NULL;
--> statement-breakpoint
-- The name sort reads one organisation name per visible row by primary key: with the name in the index
-- that is an index-only lookup.
CREATE INDEX IF NOT EXISTS "organisations_name_by_id_idx" ON "organisations" ("id") INCLUDE ("name");
