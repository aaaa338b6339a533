import type { UnitImportPreview } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { importToken, parseUpload } from './parseUpload.js';
import { planImport, presentPlanRows } from './planImport.js';
import { unitTerritoryOf } from './territory.js';

/** 导入预览: parses the file and shows what a commit would insert, skip and refuse; stores nothing. */
export async function previewImport(ctx: AppContext, actor: Actor, filename: string, bytes: Buffer): Promise<UnitImportPreview> {
  const territory = unitTerritoryOf(actor);
  const report = await parseUpload(ctx, territory, filename, bytes);
  const plan = await planImport(ctx.db, territory, report);
  return { token: importToken(bytes), rows: presentPlanRows(plan.rows), rejected: plan.rejected, counts: plan.counts };
}
