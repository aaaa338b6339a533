import { and, eq, inArray } from 'drizzle-orm';
import { allFields, categoryTitle, formSpecFor, type ExpertApplicationView } from '@fw/shared';
import type { AppContext } from '../context.js';
import type { LoadedSubmittedContent } from '../commands/expertReview/loadSubmittedContent.js';
import { regionPath } from '../db/queries/regions.js';
import { files } from '../db/schema/index.js';
import { presentFile } from './application.js';

/** Field types that hold someone's contact details: experts judge the content, they do not call anyone. */
const CONTACT_TYPES = new Set(['mobile', 'email', 'phone']);

/** The submitted data without contact details (the spec's contact fields are read-only, but typed ones may exist). */
export function withoutContactDetails(category: string, data: Record<string, unknown>): Record<string, unknown> {
  const spec = formSpecFor(category as Parameters<typeof formSpecFor>[0]);
  const hidden = new Set(allFields(spec).filter((f) => CONTACT_TYPES.has(f.type)).map((f) => f.key));
  return Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.has(key)));
}

/**
 * The application as an expert reads it: the current submission's snapshot (form data, organisation as
 * certified, the files it listed), the contact person by name and position only.
 */
export async function presentExpertApplication(ctx: Pick<AppContext, 'db'>, loaded: LoadedSubmittedContent): Promise<ExpertApplicationView> {
  const { snapshot: snap, submission, round } = loaded;
  const org = snap.organisation;
  const ids = snap.files.map((f) => f.id);
  // Files of the snapshot, even if deleted since during a reopening: their bytes are kept for this.
  const [fileRows, regionName] = await Promise.all([
    ids.length ? ctx.db.select().from(files).where(and(eq(files.applicationId, loaded.application.id), inArray(files.id, ids))) : Promise.resolve([]),
    regionPath(ctx.db, org.regionCode),
  ]);
  const byId = new Map(fileRows.map((f) => [f.id, f]));
  return {
    application: {
      number: submission.number,
      category: snap.category,
      subType: snap.subType,
      categoryTitle: categoryTitle(snap.category, snap.subType),
      submittedAt: submission.submittedAt.toISOString(),
      data: withoutContactDetails(snap.category, snap.data),
    },
    organisation: {
      name: org.name,
      uscc: org.uscc,
      regionName,
      registry: org.registry,
      contact: org.contact ? { name: org.contact.name, position: org.contact.position } : null,
    },
    files: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [presentFile(row)] : [];
    }),
    roundConfig: round.config,
  };
}
