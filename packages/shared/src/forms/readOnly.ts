import type { Category } from '../categories.js';
import type { FormSpec } from './types.js';
import type { FormContext } from './context.js';
import { fullYearsBetween } from './eligibility.js';
import { isIsoDate } from './fieldSchema.js';
import { fixedValue } from './options.js';
import { allFields, formSpecFor } from './specs.js';

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

/** The modes an application declares (summary table 示范模式): fixed by the round or chosen. */
export function modesOf(category: Category, data: Record<string, unknown>, ctx: FormContext): string[] {
  const spec = formSpecFor(category);
  const fields = allFields(spec).filter((f) => f.optionSource === 'modes' && (!f.showIf || f.showIf.field !== '$subType' || f.showIf.in.includes(ctx.subType)));
  for (const f of fields) {
    const v = f.fixed !== undefined ? fixedValue(f, ctx) : data[f.key];
    if (Array.isArray(v)) {
      const modes = v.filter((m): m is string => typeof m === 'string');
      const other = data.modesOther;
      // "其他创新模式" is shown with what the applicant named it.
      return modes.map((m) => (m === '其他创新模式' && typeof other === 'string' && other.trim() ? `其他创新模式（${other.trim()}）` : m));
    }
  }
  return [];
}
