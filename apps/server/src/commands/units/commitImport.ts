import { sql } from 'drizzle-orm';
import type { UnitImportResult } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { importToken, parseUpload } from './parseUpload.js';
import { planImport, presentPlanRows } from './planImport.js';
import { unitTerritoryOf } from './territory.js';

/** Rows per INSERT: 14 parameters each, well below PostgreSQL's 65,535 per statement. */
const BATCH = 2000;
/** Any fixed number: one import commits at a time, so two commits of one file cannot both insert a row. */
const IMPORT_LOCK_KEY = 0x46570a07;

/**
 * 确认导入: the same file as previewed (token = its SHA-256) is parsed again and planned again inside
 * the transaction, so a row another import added meanwhile is skipped, not doubled. Inserts the new
 * rows as imported, active units and writes one audit row.
 */
export async function commitImport(ctx: AppContext, actor: Actor, filename: string, bytes: Buffer, token: string): Promise<UnitImportResult> {
  const territory = unitTerritoryOf(actor);
  if (importToken(bytes) !== token) throw new AppError('STATUS_CONFLICT', '文件与预览时不一致，请重新预览后再确认导入');
  const report = await parseUpload(ctx, territory, filename, bytes);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY}::bigint)`);
    const plan = await planImport(tx, territory, report);
    const fresh = plan.rows.filter((r) => r.outcome === 'new');
    const now = ctx.now();
    for (let i = 0; i < fresh.length; i += BATCH) {
      await tx.insert(demonstrationUnits).values(
        fresh.slice(i, i + BATCH).map((r) => ({
          uscc: r.uscc,
          name: r.name,
          organisationId: r.organisationId,
          category: r.category,
          subType: r.subType,
          mode: r.mode,
          regionCode: r.regionCode,
          title: r.title,
          batch: r.batch,
          year: r.year,
          source: 'imported',
          status: 'active',
          createdAt: now,
        })),
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'units.import',
      subjectType: 'demonstration_units',
      regionCode: territory.regionCode,
      detail: { filename, sha256: token, ...plan.counts },
      ip: actor.ip,
    });
    return { rows: presentPlanRows(plan.rows), rejected: plan.rejected, counts: plan.counts, inserted: fresh.length };
  });
}
