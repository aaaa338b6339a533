import type { CertifyBody, OrganisationView, RegistryRecord } from '@fw/shared';
import { api, query } from '../../../api/client';

export interface RegionOption {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | string;
}

/** Quiet: "not found" is shown next to the search box rather than as a toast. */
export const lookupRegistry = (q: string) => api.get<RegistryRecord>(`/api/registry/lookup${query({ q })}`, { quiet: true });

export const certify = (body: CertifyBody) => api.post<OrganisationView>('/api/organisation/certify', body);

export const fetchRegions = (parent?: string) => api.get<RegionOption[]>(`/api/regions${query({ parent })}`);
