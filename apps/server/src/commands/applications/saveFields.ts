import { and, eq, sql } from 'drizzle-orm';
import { formSpecFor, nextStatus, validateChanges, type ApplicationStatus, type Category, type SaveFieldsBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { applicationSaves, applications } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { isUniqueViolation } from '../../db/errors.js';
import { assertApplicantMay } from '../../policies/application.js';
import { AppError } from '../../errors.js';

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

  const status = nextStatus(application.status as ApplicationStatus, 'save')!;
  const version = body.baseVersion + 1;
  try {
    const written = await writeSave(ctx.db, {
      id,
      baseVersion: body.baseVersion,
      status,
      now,
      saveId: body.saveId,
      changes: checked.values,
      actor,
      audit: { regionCode: application.regionCode, detail: { fields: Object.keys(checked.values), version } },
    });
    if (!written) throw new StaleVersion();
    return { version, savedAt: now, status };
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

/**
 * The save in one statement (one round trip, atomic like a transaction): the UPDATE under the version
 * check merges the changed fields into the stored ones (`null` removes a field), and only when it hit
 * are the saves-log row and the audit row inserted. A repeated saveId fails the whole statement
 * (unique index), so nothing is half written. False when the version had moved on.
 */
async function writeSave(
  db: Db,
  w: { id: string; baseVersion: number; status: ApplicationStatus; now: Date; saveId: string; changes: Record<string, unknown>; actor: Actor; audit: { regionCode: string; detail: Record<string, unknown> } },
): Promise<boolean> {
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(w.changes)) {
    if (value === null || value === undefined) removed.push(key);
    else set[key] = value;
  }
  const at = w.now.toISOString();
  const minus = sql.join(removed.map((key) => sql` - ${key}::text`));
  const rows = rowsOf<{ version: number }>(
    await db.execute(sql`
      with updated as (
        update applications
        set data = (data || ${JSON.stringify(set)}::jsonb)${minus}, version = version + 1, status = ${w.status}, updated_at = ${at}::timestamptz
        where id = ${w.id}::uuid and version = ${w.baseVersion}::int
        returning version
      ), logged as (
        insert into application_saves (application_id, save_id, version, changes, actor_id, created_at)
        select ${w.id}::uuid, ${w.saveId}, version, ${JSON.stringify(w.changes)}::jsonb, ${w.actor.id}::uuid, ${at}::timestamptz from updated
      ), audited as (
        insert into audit_events (actor_id, action, subject_type, subject_id, region_code, detail, ip)
        select ${w.actor.id}::uuid, 'application.save', 'application', ${w.id}, ${w.audit.regionCode}, ${JSON.stringify(w.audit.detail)}::jsonb, ${w.actor.ip ?? null} from updated
      )
      select version from updated`),
  );
  return rows.length > 0;
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
