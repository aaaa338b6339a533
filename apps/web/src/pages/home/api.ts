import type { ApplicationStatus, ApplicationView, Category, RoundConfig } from '@fw/shared';
import { api } from '../../api/client';

export interface ApplicationSummary {
  id: string;
  roundId: string;
  roundName: string;
  category: Category;
  subType: string | null;
  status: ApplicationStatus;
  currentNumber: string | null;
  updatedAt: string;
}

export interface RoundSummary {
  id: string;
  code: string;
  name: string;
  year: number;
  fillingClosesAt: string | null;
  config: RoundConfig;
}

export const fetchApplications = (signal?: AbortSignal) => api.get<ApplicationSummary[]>('/api/applications', { signal });
export const fetchRounds = (signal?: AbortSignal) => api.get<RoundSummary[]>('/api/rounds', { signal });
export const startApplication = (body: { roundId: string; category: Category; subType: string | null }) =>
  api.post<ApplicationView>('/api/applications', body);
