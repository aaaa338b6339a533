import type { ContactBody, OrganisationView } from '@fw/shared';
import { api } from '../../../api/client';

export const saveContact = (body: ContactBody) => api.put<OrganisationView>('/api/organisation/contact', body);
