import { z } from 'zod';
import { mobileSchema, passwordSchema, type Me } from '@fw/shared';
import { api } from '../../api/client';

/** The same rules as the server's firstLoginBody (routes/accounts/schemas.ts), plus the repeated password. */
export const firstLoginForm = z.object({
  contactName: z.string().trim().min(2, '请输入联系人姓名').max(30, '姓名过长'),
  contactMobile: mobileSchema,
  contactPhone: z.string().trim().regex(/^([0-9()\-+ ]{7,20})?$/, '请输入正确的办公电话，如 020-12345678').optional(),
  newPassword: passwordSchema,
});
export type FirstLoginForm = z.infer<typeof firstLoginForm>;

export const completeFirstLogin = (body: FirstLoginForm) =>
  api.post<Me>('/api/auth/first-login', { ...body, contactPhone: body.contactPhone || undefined });
