import type { Entry, OrganisationView } from '@fw/shared';
import { api } from '../../../api/client';

export const chooseEntry = (entry: Entry) => api.post<OrganisationView | { organisation: OrganisationView }>('/api/organisation/entry', { entry });
