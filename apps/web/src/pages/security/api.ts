import type { TotpEnrolment, TotpStatus } from '@fw/shared';
import { api } from '../../api/client';

export const fetchTotpStatus = () => api.get<TotpStatus>('/api/auth/totp');
export const startEnrolment = () => api.post<TotpEnrolment>('/api/auth/totp/enrol', {});
export const confirmEnrolment = (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', { code });
export const renewRecoveryCodes = (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/recovery-codes', { code });
export const disableTotp = (code: string) => api.post<{ ok: true }>('/api/auth/totp/disable', { code });
export const changePassword = (body: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/api/auth/change-password', body);
