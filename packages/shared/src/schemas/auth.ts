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
});
export type Me = z.infer<typeof meResponse>;
