import type { RankingResponse } from '@fw/shared';
import { api } from '../../../api/client';

/** The organiser's ranking (/api/organiser/rounds/:roundId/ranking). */
export const rankingApi = {
  load: (roundId: string, signal?: AbortSignal) => api.get<RankingResponse>(`/api/organiser/rounds/${roundId}/ranking`, { signal }),
  xlsxUrl: (roundId: string) => `/api/organiser/rounds/${roundId}/ranking.xlsx`,
};
