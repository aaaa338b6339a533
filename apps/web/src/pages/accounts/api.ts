import { z } from 'zod';
import { COUNTRY, type ResetTotpBody } from '@fw/shared';
import { api } from '../../api/client';

/** An issued authority account as the issuing level sees it (GET /api/accounts). */
export interface AccountView {
  id: string;
  username: string | null;
  displayName: string | null;
  regionCode: string | null;
  regionName: string | null;
  level: 'ministry' | 'province' | 'city' | 'district' | null;
  contactName: string | null;
  contactMobileMasked: string | null;
  contactPhone: string | null;
  mustChangePassword: boolean;
  /** A second factor is in force (the issuing level may reset it when the phone is lost). */
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  canReset: boolean;
}

export interface RegionOption {
  code: string;
  name: string;
  level: string;
}

/** The same rules as the server's issueAccountBody (routes/accounts/schemas.ts). */
export const issueForm = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '请选择行政区划'),
  username: z.string().trim().regex(/^[a-z0-9_]{4,32}$/, '账号名为4–32位小写字母、数字或下划线'),
  displayName: z.string().trim().min(2, '请输入主管部门名称').max(100, '名称过长'),
  contactName: z.string().trim().max(30, '姓名过长').optional(),
});
export type IssueForm = z.infer<typeof issueForm>;

export const fetchAccounts = (signal?: AbortSignal) => api.get<AccountView[]>('/api/accounts', { signal });

/** The regions directly below the own one: the provinces for the ministry. */
export const fetchChildRegions = (regionCode: string | null, signal?: AbortSignal) =>
  api.get<RegionOption[]>(!regionCode || regionCode === COUNTRY ? '/api/regions' : `/api/regions?parent=${regionCode}`, { signal });

export const issueAccount = (body: IssueForm) =>
  api.post<{ account: AccountView; initialPassword: string }>('/api/accounts', { ...body, contactName: body.contactName || undefined });

export const resetAccountPassword = (id: string) => api.post<{ initialPassword: string }>(`/api/accounts/${id}/reset-password`);

/** Clears a lost second factor (reason audited); the holder enrols a new authenticator at the next login. */
export const resetAccountTotp = (id: string, body: ResetTotpBody) => api.post<{ sessionsEnded: number }>(`/api/accounts/${id}/reset-totp`, body);
