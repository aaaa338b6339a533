import { COUNTRY, type Level } from '@fw/shared';
import type { Actor } from '../../context.js';

/** A region as the issuing rule needs it: the ministry's pseudo-region has level 'ministry' and no parent. */
export interface IssuableRegion {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
}

export const COUNTRY_REGION: IssuableRegion = { code: COUNTRY, name: '全国', level: 'ministry', parentCode: null };

/**
 * Who may issue an account for a region: the level directly above it (ministry → provinces,
 * province → its prefecture cities, city → its districts); an administrator may issue any.
 */
export function mayIssueFor(actor: Pick<Actor, 'role' | 'regionCode'>, region: IssuableRegion): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'authority' || !actor.regionCode) return false;
  if (actor.regionCode === COUNTRY) return region.level === 'province';
  return region.parentCode === actor.regionCode;
}

/** Issued user names: lower-case letters, digits and underscores, 4–32 characters. */
export const USERNAME_PATTERN = /^[a-z0-9_]{4,32}$/;
export const USERNAME_MESSAGE = '账号名为4–32位小写字母、数字或下划线';
