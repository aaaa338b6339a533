import { like, sql, type SQL } from 'drizzle-orm';
import { COUNTRY, levelOf, regionContains, regionPrefix } from '@fw/shared';
import type { Actor } from '../../context.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import { forbidden } from '../../errors.js';

/**
 * The territory whose demonstration units an actor manages: like isOrganiserOf for rounds, the authority
 * of an organiser region (ministry, province, city — districts only review) is the organiser for the
 * units inside it. Platform administrators manage every unit.
 */
export interface UnitTerritory {
  regionCode: string;
  contains(code: string): boolean;
  /** SQL condition on demonstration_units. */
  where: SQL;
}

export function unitTerritoryOf(actor: Actor): UnitTerritory {
  let regionCode: string;
  if (actor.role === 'admin') regionCode = COUNTRY;
  else if (actor.role === 'authority' && actor.regionCode && levelOf(actor.regionCode) !== 'district') regionCode = actor.regionCode;
  else throw forbidden('只有组织遴选的主管部门可以管理示范单位');
  const prefix = regionPrefix(regionCode);
  return {
    regionCode,
    contains: (code) => regionContains(regionCode, code),
    where: prefix ? like(demonstrationUnits.regionCode, `${prefix}%`) : sql`true`,
  };
}
