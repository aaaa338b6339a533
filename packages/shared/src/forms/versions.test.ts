import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../categories.js';
import { roundConfigSchema, THIRD_NATIONAL_ROUND } from '../round.js';
import { FORM_SPEC_VERSIONS, FORM_SPECS, formSpecFor } from './specs.js';
import { FORM_VERSION_LABELS, FORM_VERSIONS, formVersionOf } from './versions.js';

describe('form versions', () => {
  it('every version has a spec for every category, and a label', () => {
    for (const version of FORM_VERSIONS) {
      for (const category of CATEGORIES) expect(FORM_SPEC_VERSIONS[version][category].category).toBe(category);
      expect(FORM_VERSION_LABELS[version]).toBeTruthy();
    }
  });

  it('looks a spec up by version; without one (rounds stored before versions) it is v1', () => {
    expect(formSpecFor('enterprise', 'v1')).toBe(FORM_SPECS.enterprise);
    expect(formSpecFor('enterprise')).toBe(FORM_SPECS.enterprise);
    expect(formSpecFor('platform', undefined)).toBe(FORM_SPECS.platform);
    expect(formVersionOf(THIRD_NATIONAL_ROUND)).toBe('v1');
    expect(formVersionOf({ formVersion: 'v1' })).toBe('v1');
  });

  it('a round config accepts a known version and refuses an unknown one', () => {
    expect(roundConfigSchema.parse({ ...THIRD_NATIONAL_ROUND, formVersion: 'v1' }).formVersion).toBe('v1');
    expect(roundConfigSchema.parse(THIRD_NATIONAL_ROUND).formVersion).toBeUndefined();
    const refused = roundConfigSchema.safeParse({ ...THIRD_NATIONAL_ROUND, formVersion: 'v9' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('申报书版本不存在');
  });
});
