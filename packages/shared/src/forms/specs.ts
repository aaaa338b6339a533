import type { Category } from '../categories.js';
import type { FieldSpec, FormSpec, SectionSpec } from './types.js';
import type { FormContext } from './context.js';
import { isVisible } from './options.js';
import { ENTERPRISE_FORM } from './enterprise.js';
import { PLATFORM_FORM } from './platform.js';
import { PROJECT_FORM } from './project.js';
import { CITY_FORM } from './city.js';
import { DISTRICT_FORM } from './district.js';
import { DEFAULT_FORM_VERSION, formVersionOf, type FormVersion } from './versions.js';

/** The forms of version v1 (the current ones). */
export const FORM_SPECS: Record<Category, FormSpec> = {
  enterprise: ENTERPRISE_FORM,
  platform: PLATFORM_FORM,
  project: PROJECT_FORM,
  city: CITY_FORM,
  district: DISTRICT_FORM,
};

/** Every form version's specs (versions.ts says how a version is added). */
export const FORM_SPEC_VERSIONS: Record<FormVersion, Record<Category, FormSpec>> = {
  v1: FORM_SPECS,
};

/**
 * A category's form in the given version (the round's `formVersion`); an unknown or missing version
 * reads as v1, the version of every round stored before versions existed.
 */
export function formSpecFor(category: Category, version: string | null | undefined = DEFAULT_FORM_VERSION): FormSpec {
  return FORM_SPEC_VERSIONS[formVersionOf({ formVersion: version })][category];
}

/** Every top-level field of a form, in order (rows columns stay inside their field). */
export function allFields(spec: FormSpec): FieldSpec[] {
  return spec.sections.flatMap((s) => s.fields);
}

export function findField(spec: FormSpec, key: string): FieldSpec | undefined {
  return allFields(spec).find((f) => f.key === key);
}

export function sectionOf(spec: FormSpec, key: string): SectionSpec | undefined {
  return spec.sections.find((s) => s.fields.some((f) => f.key === key));
}

/**
 * The keys of the fields that apply: a field is hidden when its showIf fails, or when it depends on a
 * field that is itself hidden (e.g. "其他（请注明）" under a modes field of the other sub-type).
 */
export function visibleKeys(spec: FormSpec, data: Record<string, unknown>, ctx: FormContext): Set<string> {
  const byKey = new Map(allFields(spec).map((f) => [f.key, f]));
  const memo = new Map<string, boolean>();
  const visit = (f: FieldSpec, depth: number): boolean => {
    const known = memo.get(f.key);
    if (known !== undefined) return known;
    let shown = isVisible(f, data, ctx);
    const parent = f.showIf && f.showIf.field !== '$subType' ? byKey.get(f.showIf.field) : undefined;
    if (shown && parent && depth < 10) shown = visit(parent, depth + 1);
    memo.set(f.key, shown);
    return shown;
  };
  return new Set(allFields(spec).filter((f) => visit(f, 0)).map((f) => f.key));
}

/** The sections and fields to render or print for these values; sections left empty are dropped. */
export function visibleSections(spec: FormSpec, data: Record<string, unknown>, ctx: FormContext): SectionSpec[] {
  const keys = visibleKeys(spec, data, ctx);
  return spec.sections
    .map((s) => ({ ...s, fields: s.fields.filter((f) => keys.has(f.key)) }))
    .filter((s) => s.fields.length > 0);
}
