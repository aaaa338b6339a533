import { fieldSchema, type FieldSpec, type FormContext } from '@fw/shared';

/**
 * The same per-field check the server runs on a save. Empty values are drafts and always pass;
 * completeness is checked at submit. A row error names its row and column.
 */
export function validateField(field: FieldSpec, value: unknown, ctx: FormContext): string | null {
  if (value === null || value === undefined) return null;
  let result;
  try {
    result = fieldSchema(field, ctx).safeParse(value);
  } catch {
    return null; // no schema for this field: the server decides
  }
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return '格式不正确';
  const [row, col] = issue.path;
  if (field.type === 'rows' && typeof row === 'number') {
    const column = field.columns?.find((c) => c.key === col);
    return `第${row + 1}项${column ? `“${column.label}”` : ''}：${issue.message}`;
  }
  if (field.type === 'yearTable' && typeof row === 'string') {
    const ind = field.indicators?.find((i) => i.key === row);
    return `${col !== undefined ? `${String(col)}年` : ''}${ind ? ind.label : ''}：${issue.message}`;
  }
  return issue.message;
}
