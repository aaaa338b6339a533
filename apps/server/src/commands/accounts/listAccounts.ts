import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { COUNTRY } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { auditEvents, regions, users } from '../../db/schema/index.js';
import { forbidden } from '../../errors.js';
import { presentAccount, type AccountView } from './presentAccount.js';

/**
 * The accounts an authority manages: those of the regions directly below its own, plus the
 * accounts of its own region (read only). An administrator sees every authority account.
 */
export async function listAccounts(ctx: AppContext, actor: Actor): Promise<AccountView[]> {
  let scope: SQL | undefined;
  if (actor.role === 'admin') scope = undefined;
  else if (actor.role === 'authority' && actor.regionCode) {
    const children = actor.regionCode === COUNTRY ? eq(regions.level, 'province') : eq(regions.parentCode, actor.regionCode);
    scope = or(eq(users.regionCode, actor.regionCode), children);
  } else throw forbidden();

  const lastLogin = sql<Date | string | null>`(
    select max(${auditEvents.createdAt}) from ${auditEvents}
    where ${auditEvents.subjectType} = 'user' and ${auditEvents.subjectId} = ${users.id}::text and ${auditEvents.action} = 'user.login'
  )`;
  const rows = await ctx.db
    .select({ user: users, regionName: regions.name, lastLogin })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(users.role, 'authority'), scope))
    .orderBy(asc(users.regionCode), asc(users.username))
    .limit(2000);

  // The viewer's own account first, then its region's other accounts, then the level below.
  const own = rows.filter((r) => r.user.regionCode === actor.regionCode).sort((a, b) => Number(b.user.id === actor.id) - Number(a.user.id === actor.id));
  const below = rows.filter((r) => r.user.regionCode !== actor.regionCode);
  return [...own, ...below].map((r) =>
    presentAccount(ctx, r.user, {
      regionName: r.user.regionCode === COUNTRY ? '全国' : r.regionName,
      lastLoginAt: r.lastLogin,
      canReset: r.user.id !== actor.id && (actor.role === 'admin' || r.user.regionCode !== actor.regionCode),
    }),
  );
}
