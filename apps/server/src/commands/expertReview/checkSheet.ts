import type { z } from 'zod';
import type { ScoreSheetBody } from '@fw/shared';
import { AppError } from '../../errors.js';

/**
 * Validates a sheet against the rubric's schema and turns zod's issues into the field messages the
 * page shows beside each score box ('scores.results' → 「发展成效」的得分不能超过25分).
 */
export function checkSheet<S extends z.ZodType<{ scores: Record<string, number | undefined>; comment?: string }>>(schema: S, body: ScoreSheetBody) {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // An unknown criterion is reported by zod on the object itself with the key in `keys`.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) {
      const key = path.map(String).join('.') || '_';
      fields[key] ??= issue.code === 'unrecognized_keys' ? '评分标准中没有该评分项' : issue.message;
    }
  }
  const first = Object.values(fields)[0];
  throw new AppError('VALIDATION', first ? `评分有误：${first}` : '评分有误', fields);
}
