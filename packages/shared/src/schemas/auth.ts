import { z } from 'zod';
import { MOBILE_PATTERN, MOBILE_MESSAGE } from '../rules/mobile.js';
import { passwordProblem, PASSWORD_MAX_LENGTH } from '../rules/password.js';

export const mobileSchema = z.string().trim().regex(MOBILE_PATTERN, MOBILE_MESSAGE);
export const passwordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((pw, ctx) => {
    const problem = passwordProblem(pw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const smsCodeSchema = z.string().trim().regex(/^\d{6}$/, '请输入6位数字验证码');
export const SMS_PURPOSES = ['register', 'reset'] as const;

export const sendCodeBody = z.object({ mobile: mobileSchema, purpose: z.enum(SMS_PURPOSES) });
export const registerBody = z.object({ mobile: mobileSchema, code: smsCodeSchema, password: passwordSchema });
export const loginBody = z.object({
  /** A mobile number (applicants) or an issued user name (authorities). */
  login: z.string().trim().min(1, '请输入手机号或账号').max(64),
  password: z.string().min(1, '请输入密码').max(PASSWORD_MAX_LENGTH),
});
export const resetPasswordBody = z.object({ mobile: mobileSchema, code: smsCodeSchema, password: passwordSchema });
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});

/** Six digits from an authenticator app (TOTP). */
export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, '请输入6位数字动态口令');
/** A recovery code as shown at enrolment (xxxxx-xxxxx); spaces and case do not matter. */
export const recoveryCodeSchema = z.string().trim().min(10, '请输入恢复码').max(20, '恢复码格式不正确');
/** The answer to a correct password when the account has a second factor: no session yet. */
export const loginChallenge = z.object({ needsTotp: z.literal(true), ticket: z.string() });
export const loginTotpBody = z
  .object({ ticket: z.string().min(1).max(400), code: totpCodeSchema.optional(), recoveryCode: recoveryCodeSchema.optional() })
  .refine((b) => !!b.code !== !!b.recoveryCode, { message: '请输入动态口令或恢复码', path: ['code'] });
export const totpCodeBody = z.object({ code: totpCodeSchema });
export const totpStatusResponse = z.object({
  enabled: z.boolean(),
  /** Authorities, experts and administrators must have one. */
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export const totpEnrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type LoginChallenge = z.infer<typeof loginChallenge>;
export type TotpStatus = z.infer<typeof totpStatusResponse>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentResponse>;

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;

export const ROLES = ['applicant', 'authority', 'expert', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const meResponse = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  mobileMasked: z.string().nullable(),
  displayName: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** Authorities: district | city | province | ministry. */
  level: z.enum(['district', 'city', 'province', 'ministry']).nullable(),
  regionName: z.string().nullable(),
  /** Issued accounts: bind a contact person and change the password before anything else. */
  mustChangePassword: z.boolean(),
  /** The second factor is confirmed (login asks for a code). */
  totpEnabled: z.boolean().optional(),
  /** The role must have a second factor; until enrolled, only the auth routes answer (403 TOTP_REQUIRED). */
  totpRequired: z.boolean().optional(),
});
export type Me = z.infer<typeof meResponse>;
