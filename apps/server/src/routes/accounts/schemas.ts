import { z } from 'zod';
import { mobileSchema, passwordSchema } from '@fw/shared';
import { USERNAME_MESSAGE, USERNAME_PATTERN } from '../../commands/accounts/issuingRules.js';

// Candidates for packages/shared/src/schemas/accounts.ts, so the web forms can import the same rules.
export const issueAccountBody = z.object({
  regionCode: z.string().trim().regex(/^\d{6}$/, '请选择行政区划'),
  username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_MESSAGE),
  displayName: z.string().trim().min(2, '请输入主管部门名称').max(100, '名称过长'),
  contactName: z.string().trim().min(2, '联系人姓名至少2个字').max(30, '姓名过长').optional(),
  initialPassword: passwordSchema.optional(),
});

export const firstLoginBody = z.object({
  contactName: z.string().trim().min(2, '请输入联系人姓名').max(30, '姓名过长'),
  contactMobile: mobileSchema,
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9()\-+ ]{7,20}$/, '请输入正确的办公电话，如 020-12345678')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  newPassword: passwordSchema,
});

export const accountView = z.object({
  id: z.string(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  level: z.string().nullable(),
  contactName: z.string().nullable(),
  contactMobileMasked: z.string().nullable(),
  contactPhone: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  canReset: z.boolean(),
});

export const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
