import type { QueueState } from './saveQueue';
import { formatTime } from '../shared/format';

/** The honest one-line save status: what the server has, what is still only on this device. */
export function saveStatusText(s: QueueState, serverSavedAt: string | null): { text: string; tone: 'ok' | 'busy' | 'warn' | 'error' } {
  const n = s.pendingCount;
  switch (s.phase) {
    case 'saving':
      return { text: '保存中…', tone: 'busy' };
    case 'retrying':
      return { text: `未保存（${n}项待保存），网络异常，正在重试`, tone: 'warn' };
    case 'conflict':
      return { text: `未保存（${n}项待保存），申报书已在别处修改`, tone: 'error' };
    case 'unauthenticated':
      return { text: `未保存（${n}项待保存），登录已过期`, tone: 'error' };
    case 'forbidden':
      return { text: `未保存（${n}项待保存），${s.message ?? '当前不允许修改'}`, tone: 'error' };
    default:
      if (n > 0) return { text: `未保存（${n}项待保存）`, tone: Object.keys(s.errors).length > 0 ? 'error' : 'warn' };
      {
        const at = s.lastSavedAt ?? serverSavedAt;
        return { text: at ? `已保存 ${formatTime(at)}` : '已保存', tone: 'ok' };
      }
  }
}
