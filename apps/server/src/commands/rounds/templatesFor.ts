import { levelOf, regionContains, ROUND_TEMPLATES, type Level, type RoundTemplate } from '@fw/shared';
import type { Actor } from '../../context.js';

/** The levels whose authorities organise rounds (districts only review). */
const ORGANISING_LEVELS: readonly Level[] = ['ministry', 'province', 'city'];

/** Whether the actor may create rounds: an authority of an organising level, or an administrator. */
export function mayCreateRounds(actor: Actor): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'authority' && !!actor.regionCode && ORGANISING_LEVELS.includes(levelOf(actor.regionCode));
}

/**
 * A template moved to another organiser of the same level (Jiangsu starting from Guangdong's round):
 * the organiser becomes that region, and the regions the notice named inside the old territory
 * (excluded cities, titled cities) are dropped, since they do not lie in the new one.
 */
export function rebaseTemplate(template: RoundTemplate, organiserRegion: string): RoundTemplate {
  if (template.organiserRegion === organiserRegion) return template;
  const inside = (codes: string[] | undefined) => codes?.filter((c) => regionContains(organiserRegion, c));
  const excludedRegions = inside(template.config.excludedRegions);
  return {
    ...template,
    organiserRegion,
    config: {
      ...template.config,
      titledRegions: inside(template.config.titledRegions) ?? [],
      ...(excludedRegions ? { excludedRegions } : {}),
    },
  };
}

/**
 * The templates the actor may start from: those of its own level, based on its region; an
 * administrator sees every template at its own organiser.
 */
export function templatesFor(actor: Actor): RoundTemplate[] {
  if (actor.role === 'admin') return [...ROUND_TEMPLATES];
  if (!mayCreateRounds(actor)) return [];
  const region = actor.regionCode!;
  return ROUND_TEMPLATES.filter((t) => levelOf(t.organiserRegion) === levelOf(region)).map((t) => rebaseTemplate(t, region));
}
