import { and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, auditEvents, organisations, regions, users } from '../../db/schema/index.js';
import { asAuthority } from '../../db/queries/authorityScope.js';
import { presentAuditEvent, type AuditEventView } from '../../presenters/authorityAudit.js';

export interface AuditFilter {
  roundId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  action?: string;
  page: number;
  pageSize: number;
}

/**
 * The audit events whose region lies inside the authority's (its own and every region below),
 * newest first. A round filter keeps the round's own events and those of its applications.
 */
export async function listAudit(ctx: Pick<AppContext, 'db'>, actor: Actor, f: AuditFilter): Promise<{ total: number; items: AuditEventView[] }> {
  const authority = asAuthority(actor);
  const conditions: (SQL | undefined)[] = [like(auditEvents.regionCode, `${regionPrefix(authority.regionCode)}%`)];
  if (f.roundId) conditions.push(or(sql`${auditEvents.detail}->>'roundId' = ${f.roundId}`, eq(applications.roundId, f.roundId)));
  if (f.from) conditions.push(gte(auditEvents.createdAt, f.from));
  if (f.to) conditions.push(lt(auditEvents.createdAt, f.to));
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  const rows = await ctx.db
    .select({
      e: auditEvents,
      actorName: sql<string | null>`coalesce(${users.displayName}, ${users.username})`,
      actorRole: users.role,
      subjectName: organisations.name,
      regionName: regions.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(applications, and(eq(auditEvents.subjectType, 'application'), eq(sql`${applications.id}::text`, auditEvents.subjectId)))
    .leftJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(regions, eq(regions.code, auditEvents.regionCode))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) =>
      presentAuditEvent({
        id: r.e.id,
        createdAt: r.e.createdAt,
        action: r.e.action,
        subjectType: r.e.subjectType,
        subjectId: r.e.subjectId,
        subjectName: r.subjectName,
        regionCode: r.e.regionCode,
        regionName: r.e.regionCode === '000000' ? '全国' : r.regionName,
        ip: r.e.ip,
        detail: r.e.detail,
        actorName: r.actorName,
        actorRole: r.actorRole,
      }),
    ),
  };
}
