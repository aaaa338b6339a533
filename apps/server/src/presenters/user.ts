import { COUNTRY, maskMobile, type Me } from '@fw/shared';
import { regionPath } from '../db/queries/regions.js';
import type { AppContext } from '../context.js';
import type { users } from '../db/schema/index.js';

type UserRow = typeof users.$inferSelect;

export async function presentMe(ctx: AppContext, u: UserRow): Promise<Me> {
  return {
    id: u.id,
    role: u.role as Me['role'],
    mobileMasked: u.mobileEnc ? maskMobile(ctx.personalData.reveal(u.mobileEnc)) : null,
    displayName: u.displayName,
    regionCode: u.regionCode,
    level: (u.level as Me['level']) ?? null,
    regionName: u.regionCode === COUNTRY ? '全国' : await regionPath(ctx.db, u.regionCode),
    mustChangePassword: u.mustChangePassword,
  };
}
