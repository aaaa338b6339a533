import { and, asc, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { UnitImportRejected, UnitImportRow } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { demonstrationUnits, organisations } from '../../db/schema/index.js';
import type { DemonstrationImportReport, DemonstrationImportRow } from '../../services/demonstrationImport/index.js';
import { regionNames } from '../notice/regionNames.js';
import type { UnitTerritory } from './territory.js';

/** Values per IN list: well below PostgreSQL's 65,535 parameters per statement. */
const CHUNK = 5000;

export interface PlannedRow extends UnitImportRow {
  organisationId: string | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  rejected: UnitImportRejected[];
  counts: { new: number; duplicate: number; outside: number; rejected: number; matched: number };
}

/** A unit is already present when the same USCC (or, without one, the same name) has the category in that batch. */
const keyOf = (u: { uscc: string | null; name: string; category: string; batch: string }) => `${u.uscc ?? `name:${u.name}`}|${u.category}|${u.batch}`;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function existingKeys(db: DbOrTx, rows: DemonstrationImportRow[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const usccs = [...new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])))];
  const names = [...new Set(rows.filter((r) => !r.uscc).map((r) => r.name))];
  const cols = { uscc: demonstrationUnits.uscc, name: demonstrationUnits.name, category: demonstrationUnits.category, batch: demonstrationUnits.batch };
  for (const part of chunks(usccs)) {
    for (const u of await db.select(cols).from(demonstrationUnits).where(inArray(demonstrationUnits.uscc, part))) keys.add(keyOf(u));
  }
  for (const part of chunks(names)) {
    const found = await db.select(cols).from(demonstrationUnits).where(and(isNull(demonstrationUnits.uscc), inArray(demonstrationUnits.name, part)));
    for (const u of found) keys.add(keyOf(u));
  }
  return keys;
}

/** Certified organisations by USCC (the earliest certified when several accounts hold one). */
async function organisationsByUscc(db: DbOrTx, usccs: string[]): Promise<Map<string, { id: string; name: string | null }>> {
  const out = new Map<string, { id: string; name: string | null }>();
  for (const part of chunks([...new Set(usccs)])) {
    const found = await db
      .select({ id: organisations.id, uscc: organisations.uscc, name: organisations.name })
      .from(organisations)
      .where(and(inArray(organisations.uscc, part), isNotNull(organisations.certifiedAt)))
      .orderBy(asc(organisations.certifiedAt));
    for (const o of found) if (o.uscc && !out.has(o.uscc)) out.set(o.uscc, { id: o.id, name: o.name });
  }
  return out;
}

/**
 * What committing the parsed rows would do, against the database as it is now: rows outside the
 * actor's territory are refused, rows already present are skipped, the rest are inserted and matched
 * to a certified organisation by USCC. The commit plans again inside its transaction.
 */
export async function planImport(db: DbOrTx, territory: UnitTerritory, report: DemonstrationImportReport): Promise<ImportPlan> {
  const inside = report.rows.filter((r) => territory.contains(r.regionCode));
  const [present, orgs, names] = await Promise.all([
    existingKeys(db, inside),
    organisationsByUscc(db, inside.flatMap((r) => (r.uscc ? [r.uscc] : []))),
    regionNames(db, report.rows.map((r) => r.regionCode)),
  ]);
  const rows: PlannedRow[] = report.rows.map((r) => {
    const regionName = names.get(r.regionCode) ?? r.regionCode;
    const base = { ...r, regionName, matchedOrganisation: null, organisationId: null };
    if (!territory.contains(r.regionCode)) return { ...base, outcome: 'outside', reason: `${regionName}不在本单位管辖范围内，不能导入` };
    if (present.has(keyOf(r))) return { ...base, outcome: 'duplicate', reason: `已有该单位的${r.batch}记录（统一社会信用代码、示范类别和批次相同），跳过` };
    const org = r.uscc ? orgs.get(r.uscc) : undefined;
    return { ...base, outcome: 'new', reason: null, matchedOrganisation: org ? (org.name ?? r.name) : null, organisationId: org?.id ?? null };
  });
  const rejected = report.rejected.map((r) => ({ row: r.row, reasons: r.reasons, cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v ?? ''])) }));
  const count = (o: PlannedRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    rows,
    rejected,
    counts: { new: count('new'), duplicate: count('duplicate'), outside: count('outside'), rejected: rejected.length, matched: rows.filter((r) => r.outcome === 'new' && r.organisationId).length },
  };
}

/** The rows as the API shows them (without internal ids). */
export function presentPlanRows(rows: PlannedRow[]): UnitImportRow[] {
  return rows.map(({ organisationId: _id, ...r }) => r);
}
