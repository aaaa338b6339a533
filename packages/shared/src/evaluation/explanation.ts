import { z } from 'zod';
import { BUSINESS_STATUS_LABELS, REVOKING_STATUSES } from './businessStatus.js';

/**
 * The written-explanation route (书面说明, seeds 002/003): a unit that cannot fill online because its
 * business was revoked, cancelled, suspended or is in liquidation is reported by its authority instead.
 * The year's grade record then carries writtenExplanation: true and no grade; the status decides.
 */
export const EXPLANATION_TEXT_MAX = 2000;

export const writtenExplanationBody = z.object({
  year: z.number({ error: '请填写评估年度' }).int('评估年度应为整数').min(2000, '评估年度无效').max(2100, '评估年度无效'),
  /** The status the explanation reports (one of the four that stop online filling). */
  businessStatus: z.enum(REVOKING_STATUSES, { error: `请选择经营状态（${REVOKING_STATUSES.map((s) => BUSINESS_STATUS_LABELS[s]).join('、')}）` }),
  text: z
    .string({ error: '请填写书面说明' })
    .trim()
    .min(10, '书面说明不少于10个字')
    .max(EXPLANATION_TEXT_MAX, `书面说明不超过${EXPLANATION_TEXT_MAX}个字`),
});
export type WrittenExplanationBody = z.infer<typeof writtenExplanationBody>;
