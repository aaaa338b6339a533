import type { InspectorInput } from '@fw/shared';

export interface InspectorFormValue {
  /** Experts of the organiser's pool, by user id. */
  poolIds: string[];
  /** Officials and others outside the pool, by name. */
  names: string[];
}

/** The form's two pickers as the API's inspector list (pool experts first, blank and repeated names dropped). */
export function toInspectors(v: InspectorFormValue): InspectorInput[] {
  const names = [...new Set(v.names.map((n) => n.trim()).filter(Boolean))];
  const pooled: InspectorInput[] = [...new Set(v.poolIds)].map((userId) => ({ userId, name: '' }));
  return pooled.concat(names.map((name) => ({ userId: null, name })));
}

/** An inspection's inspectors back into the two pickers. */
export function fromInspectors(list: { userId: string | null; name: string }[]): InspectorFormValue {
  return { poolIds: list.flatMap((i) => (i.userId ? [i.userId] : [])), names: list.flatMap((i) => (i.userId ? [] : [i.name])) };
}
