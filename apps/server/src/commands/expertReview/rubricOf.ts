import { reviewSettingsOf, rubricFor, type Category, type RoundConfig, type Rubric } from '@fw/shared';

/** The rubric an application is scored by: the round's own for its category, else the default. */
export function rubricOf(round: { config: RoundConfig }, category: string): Rubric {
  return rubricFor(reviewSettingsOf(round.config).rubrics, category as Category);
}
