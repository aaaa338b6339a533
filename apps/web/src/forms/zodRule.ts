import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { isApiError } from '../api/client';

/** An antd rule that checks a field with the same zod schema the server uses. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      // An untouched input is undefined; check it as empty text so the message is the schema's own.
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/**
 * Shows the server's field messages at the matching form fields.
 * Returns true when at least one field of the form received a message.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!isApiError(err)) return false;
  // Registered fields only (getFieldsValue() without arguments lists them, even when empty).
  const registered = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const entries = Object.entries(err.fields).filter(([key]) => registered.has(key.split('.')[0] ?? key));
  if (entries.length === 0) return false;
  form.setFields(entries.map(([key, msg]) => ({ name: key.split('.'), errors: [msg] })));
  return true;
}
