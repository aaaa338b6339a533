import type { DashboardFigureKey, DashboardResponse } from '@fw/shared';
import { api } from '../../api/client';

const D = '/api/dashboard';
const enc = encodeURIComponent;

export const dashboardApi = {
  get: (roundId: string, signal?: AbortSignal) => api.get<DashboardResponse>(`${D}/rounds/${enc(roundId)}`, { signal }),
};

/** The figure's table as XLSX (Content-Disposition: attachment). */
export function figureXlsxUrl(roundId: string, key: DashboardFigureKey): string {
  return `${D}/rounds/${enc(roundId)}/${key}.xlsx`;
}
