/**
 * Form versions (申报书版本). A round names the version its applications are filled with
 * (RoundConfig.formVersion, 'v1' when absent); once any application is started in a round the
 * version is locked, so an application always keeps the form it was filled with.
 *
 * Adding a v2 (e.g. a new enterprise table for a later batch):
 * 1. add 'v2' to FORM_VERSIONS below (its label in FORM_VERSION_LABELS);
 * 2. in specs.ts, add `v2: { ...V1_SPECS, enterprise: ENTERPRISE_FORM_V2 }` to FORM_SPEC_VERSIONS
 *    (the compiler refuses a version without specs for every category), keeping v1 untouched;
 * 3. rounds created afterwards may choose v2; existing rounds and their applications stay on v1.
 * Never edit a released version's specs in a way that invalidates data saved under it.
 */
export const FORM_VERSIONS = ['v1'] as const;
export type FormVersion = (typeof FORM_VERSIONS)[number];
export const DEFAULT_FORM_VERSION: FormVersion = 'v1';

export const FORM_VERSION_LABELS: Record<FormVersion, string> = {
  v1: '第1版（2021年第三批通知附件）',
};

export function isFormVersion(v: unknown): v is FormVersion {
  return typeof v === 'string' && (FORM_VERSIONS as readonly string[]).includes(v);
}

/** The version a round's forms use (rounds stored before versions existed use v1). */
export function formVersionOf(config: { formVersion?: string | null }): FormVersion {
  return isFormVersion(config.formVersion) ? config.formVersion : DEFAULT_FORM_VERSION;
}
