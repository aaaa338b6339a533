import { maskMobile, type Me } from '@fw/shared';
import type { AppContext } from '../context.js';
import type { users } from '../db/schema/index.js';

type UserRow = typeof users.$inferSelect;

export function presentMe(ctx: AppContext, u: UserRow): Me {
  return {
    id: u.id,
    role: u.role as Me['role'],
    mobileMasked: u.mobileEnc ? maskMobile(ctx.personalData.reveal(u.mobileEnc)) : null,
    displayName: u.displayName,
    regionCode: u.regionCode,
  };
}
