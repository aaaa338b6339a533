import { describe, expect, it } from 'vitest';
import { THIRD_NATIONAL_ROUND, type RoundConfig } from '@fw/shared';
import { configLockReason, lockedChanges } from './roundLocks.js';

const before = { code: 'N3', config: THIRD_NATIONAL_ROUND };
const after = (config: Partial<RoundConfig>, code = 'N3') => ({ code, config: { ...THIRD_NATIONAL_ROUND, ...config } });

describe('round locks', () => {
  it('names each locked setting an edit changes', () => {
    // A later version (v2) would be refused the same way; a missing version reads as v1.
    expect(lockedChanges(before, after({ formVersion: 'v2' as 'v1' }))).toEqual({ 'config.formVersion': '已有申报书开始填写，申报书版本不能修改（当前：v1）' });
    expect(lockedChanges(before, after({ formVersion: 'v1' }))).toEqual({});
    expect(Object.keys(lockedChanges(before, after({ sharedMode: '共享工厂' })))).toEqual(['config.modes']);
    expect(Object.keys(lockedChanges(before, after({ categories: ['enterprise'] }, 'N4')))).toEqual(['config.categories', 'code']);
  });

  it('lets the order of categories change, and everything else', () => {
    const reordered = [...THIRD_NATIONAL_ROUND.categories].reverse();
    expect(lockedChanges(before, after({ categories: reordered, quotas: [], minServiceShare: 25, noViolationSince: '2020-01-01', stages: { noticeDays: 7 } }))).toEqual({});
  });

  it('explains the lock only when an application was started', () => {
    expect(configLockReason(0)).toBeNull();
    expect(configLockReason(3)).toBe('本批次已有3份申报书开始填写，申报类别、模式、申报书版本、指标年度和批次代码不能再修改（已填写的申报书须保持原有表单）');
  });
});
