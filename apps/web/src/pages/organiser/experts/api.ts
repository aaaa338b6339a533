import type { EmployerLookup, ExpertImportReport, ExpertListQuery, ExpertListResponse, ExpertView, IssueExpertBody, IssueExpertResponse, UpdateExpertBody } from '@fw/shared';
import { api, query } from '../../../api/client';

const X = '/api/organiser/experts';
const enc = encodeURIComponent;

export interface RegionOption {
  code: string;
  name: string;
  level: string;
}

/** The organiser's expert pool (专家库). */
export const expertsApi = {
  list: (q: Partial<ExpertListQuery>, signal?: AbortSignal) => api.get<ExpertListResponse>(`${X}${query({ ...q })}`, { signal }),
  issue: (body: IssueExpertBody) => api.post<IssueExpertResponse>(X, body),
  update: (id: string, body: UpdateExpertBody) => api.patch<ExpertView>(`${X}/${enc(id)}`, body),
  importCsv: (csv: string) => api.post<ExpertImportReport>(`${X}/import`, { csv }),
  /** Quiet: a code the registry does not know is answered at the field. */
  employer: (uscc: string) => api.get<EmployerLookup>(`${X}/employer${query({ uscc })}`, { quiet: true }),
  regions: (parent?: string) => api.get<RegionOption[]>(`/api/regions${query({ parent })}`),
};
