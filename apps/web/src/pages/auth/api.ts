import { api } from '../../api/client';

export type SmsPurpose = 'register' | 'reset';

export const sendSmsCode = (mobile: string, purpose: SmsPurpose) =>
  api.post<{ cooldownSeconds: number }>('/api/auth/sms-code', { mobile, purpose });
