import type { DecisionLimits, DecisionPreview, DecisionsResponse, EditDecisionBody, OutboxResponse } from '@fw/shared';
import { api } from '../../../api/client';

const base = (roundId: string) => `/api/organiser/rounds/${roundId}`;

/** The organiser's decisions and notice outbox (/api/organiser/rounds/:roundId/decisions, /outbox). */
export const decisionsApi = {
  load: (roundId: string, signal?: AbortSignal) => api.get<DecisionsResponse>(`${base(roundId)}/decisions`, { signal }),
  prepare: (roundId: string, topN: DecisionLimits) => api.post<{ selected: number; notSelected: number }>(`${base(roundId)}/decisions/prepare`, { topN }),
  edit: (roundId: string, applicationId: string, body: EditDecisionBody) => api.put(`${base(roundId)}/decisions/${applicationId}`, body),
  preview: (roundId: string, limits: DecisionLimits, signal?: AbortSignal) => api.post<DecisionPreview>(`${base(roundId)}/decisions/preview`, { limits }, { signal }),
  release: (roundId: string, limits: DecisionLimits) => api.post<{ released: number; notifications: number; releasedAt: string }>(`${base(roundId)}/decisions/release`, { limits }),
  reopen: (roundId: string, reason: string) => api.post(`${base(roundId)}/decisions/reopen`, { reason }),
  outbox: (roundId: string, signal?: AbortSignal) => api.get<OutboxResponse>(`${base(roundId)}/outbox`, { signal }),
  send: (roundId: string) => api.post<{ released: number; sent: number; failed: number }>(`${base(roundId)}/outbox/release`),
};
