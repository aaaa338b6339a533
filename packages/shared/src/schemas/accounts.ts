import { z } from 'zod';

/** Why the issuing level resets an account's second factor: kept in the audit trail. */
export const RESET_TOTP_REASON_MIN = 4;
export const RESET_TOTP_REASON_MAX = 200;

/** POST /api/accounts/:id/reset-totp — the confirm dialog's form and the route share it. */
export const resetTotpBody = z.object({
  reason: z
    .string({ error: '请填写重置原因' })
    .trim()
    .min(RESET_TOTP_REASON_MIN, `请填写重置原因（至少${RESET_TOTP_REASON_MIN}个字），如“手机遗失，经电话核实本人”`)
    .max(RESET_TOTP_REASON_MAX, `重置原因不超过${RESET_TOTP_REASON_MAX}个字`),
});
export type ResetTotpBody = z.infer<typeof resetTotpBody>;
