import { describe, expect, it } from 'vitest';
import type { QueueState } from './saveQueue';
import { saveStatusText } from './saveStatusText';

const base: QueueState = { phase: 'idle', pendingCount: 0, lastSavedAt: null, version: 1, errors: {}, leftovers: {}, message: null };
const at = new Date(2026, 0, 5, 9, 7).toISOString();

describe('save status line', () => {
  it.each<[Partial<QueueState>, string]>([
    [{ lastSavedAt: at }, '已保存 09:07'],
    [{ phase: 'saving', pendingCount: 2 }, '保存中…'],
    [{ pendingCount: 3 }, '未保存（3项待保存）'],
    [{ phase: 'retrying', pendingCount: 1 }, '未保存（1项待保存），网络异常，正在重试'],
    [{ phase: 'unauthenticated', pendingCount: 1 }, '未保存（1项待保存），登录已过期'],
    [{ phase: 'conflict', pendingCount: 2 }, '未保存（2项待保存），申报书已在别处修改'],
  ])('%o → %s', (patch, text) => {
    expect(saveStatusText({ ...base, ...patch }, null).text).toBe(text);
  });

  it('falls back to the time the server last saved the application', () => {
    expect(saveStatusText(base, at).text).toBe('已保存 09:07');
  });
});
