import { COUNTRY, type Level } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { findRegion } from '../../db/queries/regions.js';
import { COUNTRY_REGION, type IssuableRegion } from './issuingRules.js';

/** The region of an account (the ministry's '000000' included), or null for an unknown code. */
export async function loadIssuableRegion(db: DbOrTx, code: string): Promise<IssuableRegion | null> {
  if (code === COUNTRY) return COUNTRY_REGION;
  const r = await findRegion(db, code);
  return r ? { code: r.code, name: r.name, level: r.level as Level, parentCode: r.parentCode } : null;
}
