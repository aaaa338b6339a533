import type { z } from 'zod';
import type { FieldSpec } from './types.js';

/** One Chinese message for a failed field, naming the cell or row the problem is in. */
export function issueMessage(field: FieldSpec, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '格式不正确';
  const [a, b] = issue.path;
  if (field.type === 'yearTable' && typeof a === 'string') {
    const label = field.indicators?.find((i) => i.key === a)?.label ?? a;
    return b === undefined ? `「${label}」：${issue.message}` : `「${label}」${String(b)}年：${issue.message}`;
  }
  if (field.type === 'rows' && typeof a === 'number') {
    const col = typeof b === 'string' ? field.columns?.find((c) => c.key === b)?.label : undefined;
    return col ? `第${a + 1}行「${col}」：${issue.message}` : `第${a + 1}行：${issue.message}`;
  }
  return issue.message;
}
