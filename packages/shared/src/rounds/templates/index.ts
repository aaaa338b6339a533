import { DALIAN_2023_TEMPLATE } from './dalian2023.js';
import { GUANGDONG_2023_TEMPLATE } from './guangdong2023.js';
import { NATIONAL_3_TEMPLATE } from './national3.js';
import { SHANGHAI_5_TEMPLATE } from './shanghai5.js';
import type { RoundTemplate } from './types.js';

export { roundTemplateSchema, NATIONAL_MODES, type RoundTemplate } from './types.js';
export { NATIONAL_3_TEMPLATE, GUANGDONG_2023_TEMPLATE, DALIAN_2023_TEMPLATE, SHANGHAI_5_TEMPLATE };

/** The ready-made rounds an organiser can start from (seeds 001–004). */
export const ROUND_TEMPLATES: readonly RoundTemplate[] = [NATIONAL_3_TEMPLATE, GUANGDONG_2023_TEMPLATE, DALIAN_2023_TEMPLATE, SHANGHAI_5_TEMPLATE];

export function roundTemplate(key: string): RoundTemplate | undefined {
  return ROUND_TEMPLATES.find((t) => t.key === key);
}
