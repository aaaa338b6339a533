import { COUNTRY } from '@fw/shared';
import type { Actor } from '../../context.js';
import { forbidden } from '../../errors.js';

/**
 * The expert pool an organiser manages: its own region's (the ministry's is '000000'). Platform
 * administrators act for the ministry's pool unless their account names a region.
 */
export function poolRegionOf(actor: Actor): string {
  if (actor.role === 'admin') return actor.regionCode ?? COUNTRY;
  if (actor.role === 'authority' && actor.regionCode) return actor.regionCode;
  throw forbidden();
}
