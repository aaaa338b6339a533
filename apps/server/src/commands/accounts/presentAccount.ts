import { maskMobile } from '@fw/shared';
import type { AppContext } from '../../context.js';
import type { users } from '../../db/schema/index.js';

type UserRow = typeof users.$inferSelect;

/** An issued account as the issuing level sees it: the contact mobile masked, never the password. */
export interface AccountView {
  id: string;
  username: string | null;
  displayName: string | null;
  regionCode: string | null;
  regionName: string | null;
  level: string | null;
  contactName: string | null;
  contactMobileMasked: string | null;
  contactPhone: string | null;
  mustChangePassword: boolean;
  /** Whether a second factor is in force (the issuing level can reset it when the phone is lost). */
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  /** Whether the viewer may reset this account's password or second factor (the level above, or an administrator). */
  canReset: boolean;
}

export function presentAccount(ctx: AppContext, u: UserRow, extra: { regionName: string | null; lastLoginAt: Date | string | null; canReset: boolean }): AccountView {
  const c = u.contact;
  // An empty mobileEnc means the contact was named at issuing and the mobile is not bound yet.
  const mobile = c?.mobileEnc ? ctx.personalData.reveal(c.mobileEnc) : null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    regionCode: u.regionCode,
    regionName: extra.regionName,
    level: u.level,
    contactName: c?.name ?? null,
    contactMobileMasked: mobile ? maskMobile(mobile) : null,
    contactPhone: c?.phone ?? null,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: !!u.totpEnabledAt,
    lastLoginAt: extra.lastLoginAt ? new Date(extra.lastLoginAt).toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    canReset: extra.canReset,
  };
}
