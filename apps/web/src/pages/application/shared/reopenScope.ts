import type { ApplicationView } from '@fw/shared';

/**
 * What an authority's reopening lets the applicant change. Without a reopening everything follows
 * can.edit; with one, only the opened sections (or all, when the whole application was opened).
 */
export function sectionOpen(app: Pick<ApplicationView, 'reopening'>, sectionKey: string): boolean {
  const scope = app.reopening?.scope;
  return !scope || scope.whole || scope.sections.includes(sectionKey);
}

/** Whether any upload slot is open (the server still refuses slots outside the scope). */
export function uploadsOpen(app: Pick<ApplicationView, 'reopening'>): boolean {
  const scope = app.reopening?.scope;
  return !scope || scope.whole || scope.slots.length > 0;
}
