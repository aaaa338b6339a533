import type { OrganisationView } from '@fw/shared';
import { api } from '../../api/client';

export const fetchOrganisation = (signal?: AbortSignal) =>
  api.get<{ organisation: OrganisationView | null }>('/api/organisation', { signal }).then((r) => r.organisation);
