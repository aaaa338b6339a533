import type { FormSpec } from './types.js';
import type { FormContext } from './context.js';
import { fullYearsBetween } from './eligibility.js';
import { isIsoDate } from './fieldSchema.js';
import { fixedValue } from './options.js';
import { allFields } from './specs.js';

/**
 * Where `from` fields are read: flat records of the certified organisation (name, uscc, address,
 * legalRepresentative, establishedOn, registeredCapital, orgType, regionName ...) and its contact
 * person (name, position, mobile, email).
 */
export interface ReadOnlySource {
  org: Record<string, unknown> | null;
  contact: Record<string, unknown> | null;
  /** YYYY-MM-DD, for derived values such as org.operatingYears. */
  today: string;
}

function resolve(path: string, source: ReadOnlySource): unknown {
  const [root, name] = path.split('.', 2);
  const record = root === 'org' ? source.org : root === 'contact' ? source.contact : null;
  if (!record || !name) return null;
  if (root === 'org' && name === 'operatingYears') {
    const est = record.establishedOn;
    return typeof est === 'string' && isIsoDate(est) && isIsoDate(source.today) ? Math.max(0, fullYearsBetween(est, source.today)) : null;
  }
  return record[name] ?? null;
}

/** The values of the read-only fields (certification data, round-fixed modes), to show and to print. */
export function readOnlyValues(spec: FormSpec, source: ReadOnlySource, ctx: FormContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of allFields(spec)) {
    if (f.from !== undefined) out[f.key] = resolve(f.from, source);
    else if (f.fixed !== undefined) out[f.key] = fixedValue(f, ctx);
  }
  return out;
}
