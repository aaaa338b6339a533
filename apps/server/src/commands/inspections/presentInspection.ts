import { and, inArray, isNull } from 'drizzle-orm';
import type { InspectionView } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { files } from '../../db/schema/index.js';
import type { InspectionRow } from './loadInspection.js';

export interface InspectedApplication {
  id: string;
  number: string;
  name: string;
  category: string;
  subType: string | null;
  regionCode: string;
  regionName: string;
}

/** The attachments of these inspections, by file id (current rows only). */
export async function attachmentsOf(ctx: Pick<AppContext, 'db'>, rows: InspectionRow[]) {
  const ids = rows.flatMap((r) => r.fileIds);
  const found = ids.length ? await ctx.db.select().from(files).where(and(inArray(files.id, ids), isNull(files.deletedAt))) : [];
  return new Map(found.map((f) => [f.id, f]));
}

/** The organiser's view of one inspection; never a database row. */
export function presentInspection(row: InspectionRow, app: InspectedApplication, attachments: Map<string, typeof files.$inferSelect>): InspectionView {
  return {
    id: row.id,
    applicationId: row.applicationId,
    number: app.number,
    applicantName: app.name,
    category: app.category,
    subType: app.subType,
    regionCode: app.regionCode,
    regionName: app.regionName,
    scheduledOn: row.scheduledOn,
    place: row.place,
    inspectors: row.inspectors.map((i) => ({ userId: i.userId ?? null, name: i.name })),
    findings: row.findings,
    result: row.result as InspectionView['result'],
    files: row.fileIds.flatMap((id) => {
      const f = attachments.get(id);
      return f ? [{ id: f.id, name: f.originalName, size: f.size, kind: f.kind, flags: f.flags, createdAt: f.createdAt.toISOString() }] : [];
    }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
