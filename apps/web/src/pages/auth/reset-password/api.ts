import { api } from '../../../api/client';
import type { SmsPasswordValues } from '../components/SmsPasswordForm';

export const resetPassword = (body: SmsPasswordValues) => api.post<{ ok: true }>('/api/auth/reset-password', body);
