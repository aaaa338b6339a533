import { api } from '../../../api/client';

export interface VerifyResult {
  number: string;
  exists: boolean;
  current: boolean;
  organisationName?: string;
  categoryTitle?: string;
  submittedAt?: string;
  currentNumber?: string;
}

export const verifyNumber = (number: string, signal?: AbortSignal) =>
  api.get<VerifyResult>(`/api/verify/${encodeURIComponent(number)}`, { quiet: true, signal });
