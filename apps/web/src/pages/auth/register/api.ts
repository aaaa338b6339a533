import type { Me, RegisterBody } from '@fw/shared';
import { api } from '../../../api/client';

export const register = (body: RegisterBody) => api.post<Me>('/api/auth/register', body);
