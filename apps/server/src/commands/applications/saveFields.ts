import { and, eq } from 'drizzle-orm';
import { formSpecFor, nextStatus, validateChanges, type ApplicationStatus, type Category, type SaveFieldsBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applicationSaves, applications } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { isUniqueViolation } from '../../db/errors.js';
import { assertApplicantMay } from '../../policies/application.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

export interface SaveResult {
  version: number;
  savedAt: Date;
  status: ApplicationStatus;
}

/**
 * Saves changed fields. Idempotent: a retried save (same saveId) answers what the first one did.
 * Versioned: a save based on an older version than the stored one is refused (409), so two tabs
 * never silently overwrite each other. `null` clears a field.
 */
export async function saveFields(ctx: AppContext, actor: Actor, id: string, body: SaveFieldsBody): Promise<SaveResult> {
  const loaded = await loadApplicationFor(ctx, actor, id);
  // A retry of a save that went through is always based on an older version (that save moved the
  // version on), so the saves log is read only then: one query less for every ordinary save.
  const replay = loaded.application.version !== body.baseVersion ? await findSave(ctx, id, body.saveId) : null;
  if (replay) return { ...replay, status: loaded.application.status as ApplicationStatus };

  const now = ctx.now();
  assertApplicantMay(loaded, 'save', now, { fields: Object.keys(body.changes) });
  const { application, round } = loaded;
  const spec = formSpecFor(application.category as Category, round.config.formVersion);
  const checked = validateChanges(spec, body.changes, { round: round.config, subType: application.subType });
  if (!checked.ok) {
    const first = Object.values(checked.fields)[0];
    throw new AppError('VALIDATION', first ? `输入有误：${first}` : '输入有误', checked.fields);
  }
  if (application.version !== body.baseVersion) throw versionConflict(application.version);

  const data: Record<string, unknown> = { ...application.data };
  for (const [key, value] of Object.entries(checked.values)) {
    if (value === null || value === undefined) delete data[key];
    else data[key] = value;
  }
  const status = nextStatus(application.status as ApplicationStatus, 'save')!;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(applications)
        .set({ data, version: body.baseVersion + 1, status, updatedAt: now })
        .where(and(eq(applications.id, id), eq(applications.version, body.baseVersion)))
        .returning({ version: applications.version });
      if (!updated) throw new StaleVersion();
      await tx.insert(applicationSaves).values({ applicationId: id, saveId: body.saveId, version: updated.version, changes: checked.values, actorId: actor.id, createdAt: now });
      await recordAudit(tx, { actorId: actor.id, action: 'application.save', subjectType: 'application', subjectId: id, regionCode: application.regionCode, detail: { fields: Object.keys(checked.values), version: updated.version }, ip: actor.ip });
      return { version: updated.version, savedAt: now, status };
    });
  } catch (err) {
    // The same save raced itself (a retry while the first was in flight): answer as the first did.
    if (isUniqueViolation(err) || err instanceof StaleVersion) {
      const again = await findSave(ctx, id, body.saveId);
      if (again) return { ...again, status };
      const [current] = await ctx.db.select({ version: applications.version }).from(applications).where(eq(applications.id, id));
      throw versionConflict(current?.version ?? body.baseVersion);
    }
    throw err;
  }
}

async function findSave(ctx: AppContext, applicationId: string, saveId: string) {
  const [row] = await ctx.db
    .select({ version: applicationSaves.version, savedAt: applicationSaves.createdAt })
    .from(applicationSaves)
    .where(and(eq(applicationSaves.applicationId, applicationId), eq(applicationSaves.saveId, saveId)))
    .limit(1);
  return row ?? null;
}

/** Another save changed the row between our read and our update. */
class StaleVersion extends Error {}

function versionConflict(currentVersion: number) {
  return new AppError('VERSION_CONFLICT', '该申报书已在其他窗口或设备上修改，请重新加载后再编辑', undefined, { currentVersion });
}
