import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@fw/shared';
import { COUNTRY_REGION, mayIssueFor, type IssuableRegion } from './issuingRules.js';
import { generatePassword } from './generatePassword.js';

const region = (code: string, level: IssuableRegion['level'], parentCode: string | null): IssuableRegion => ({ code, name: code, level, parentCode });
const GD = region('440000', 'province', null);
const SZ = region('440300', 'city', '440000');
const NS = region('440305', 'district', '440300');
const SU = region('320500', 'city', '320000');

describe('who may issue an account for a region', () => {
  it.each([
    ['ministry', 'authority', '000000', GD, true],
    ['ministry → city', 'authority', '000000', SZ, false],
    ['province → own city', 'authority', '440000', SZ, true],
    ['province → other province city', 'authority', '440000', SU, false],
    ['province → own district', 'authority', '440000', NS, false],
    ['city → own district', 'authority', '440300', NS, true],
    ['district → anything', 'authority', '440305', NS, false],
    ['admin → ministry', 'admin', null, COUNTRY_REGION, true],
    ['applicant', 'applicant', '440000', SZ, false],
  ] as const)('%s', (_name, role, regionCode, target, expected) => {
    expect(mayIssueFor({ role, regionCode }, target)).toBe(expected);
  });
});

describe('generated one-time passwords', () => {
  it('always meet the password policy and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword();
      expect(passwordProblem(pw)).toBeNull();
      expect(pw).not.toMatch(/[0O1lI]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });
});
