import { describe, expect, it } from 'vitest';
import { businessStatusKind, isRevokingStatus } from './businessStatus.js';

describe('businessStatusKind', () => {
  it.each([
    ['存续', 'operating'],
    ['存续（在营、开业、在册）', 'operating'],
    ['在业', 'operating'],
    ['开业', 'operating'],
    ['迁出', 'operating'],
    ['吊销', 'revoked'],
    ['吊销，未注销', 'revoked'],
    ['吊销, 未注销', 'revoked'],
    ['吊销，已注销', 'cancelled'],
    ['注销', 'cancelled'],
    ['停业', 'suspended'],
    ['清算', 'liquidation'],
    ['撤销', 'unknown'],
    ['非正常户', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s → %s', (text, kind) => {
    expect(businessStatusKind(text)).toBe(kind);
  });

  it('a negated state alone is not that state', () => {
    expect(businessStatusKind('未注销')).toBe('unknown');
  });

  it('only the four revoking kinds revoke', () => {
    expect(['operating', 'unknown', 'revoked', 'cancelled', 'suspended', 'liquidation'].filter((k) => isRevokingStatus(k as never))).toEqual([
      'revoked',
      'cancelled',
      'suspended',
      'liquidation',
    ]);
  });
});
