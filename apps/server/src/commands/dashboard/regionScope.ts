import { like, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { regionPrefix } from '@fw/shared';

/** Rows whose region code lies inside the authority's region (the whole country for the ministry). */
export function inRegion(column: AnyColumn, regionCode: string): SQL {
  const prefix = regionPrefix(regionCode);
  return prefix ? like(column, `${prefix}%`) : sql`true`;
}
