import { levelOf, THIRD_NATIONAL_ROUND, type Level, type RoundConfig } from '@fw/shared';

/** Who reviews below each organiser level when starting without a template. */
const LEVELS_BELOW: Record<Level, RoundConfig['reviewLevels']> = {
  ministry: ['city', 'province', 'ministry'],
  province: ['city', 'province'],
  city: ['district', 'city'],
  district: ['district'],
};

/** A round without a template: the national forms and modes, the organiser's levels, no quotas yet. */
export function blankConfig(organiserRegion: string): RoundConfig {
  return { ...THIRD_NATIONAL_ROUND, quotas: [], reviewLevels: LEVELS_BELOW[levelOf(organiserRegion)], formVersion: 'v1' };
}
