import type { ConfirmRevocationBody, DismissRevocationBody, RevocationDecisionView, RevocationProposalsResponse, UnitAdminPage, UnitAdminQuery } from '@fw/shared';
import { api, query } from '../../../api/client';

const X = '/api/organiser/units';
const enc = encodeURIComponent;

export interface RegionOption {
  code: string;
  name: string;
  level: string;
}

/** The organiser's demonstration units (示范单位) and their revocation proposals. */
export const unitsApi = {
  list: (q: Partial<UnitAdminQuery>, signal?: AbortSignal) => api.get<UnitAdminPage>(`${X}${query({ ...q })}`, { signal }),
  proposals: (year: number | undefined, signal?: AbortSignal) => api.get<RevocationProposalsResponse>(`${X}/revocations/proposals${query({ year })}`, { signal }),
  confirm: (id: string, body: ConfirmRevocationBody) => api.post<RevocationDecisionView>(`${X}/${enc(id)}/revocation/confirm`, body),
  dismiss: (id: string, body: DismissRevocationBody) => api.post<RevocationDecisionView>(`${X}/${enc(id)}/revocation/dismiss`, body),
  regions: (parent?: string) => api.get<RegionOption[]>(`/api/regions${query({ parent })}`),
};
