import type { CreateRoundBody, OrganiserRoundsResponse, OrganiserRoundView, RoundStatus, UpdateRoundBody } from '@fw/shared';
import { api } from '../../../api/client';

const R = '/api/organiser/rounds';
const enc = encodeURIComponent;

/** The organiser's rounds (遴选组织): list with templates, create, settings, status. */
export const organiserRoundsApi = {
  list: (signal?: AbortSignal) => api.get<OrganiserRoundsResponse>(R, { signal }),
  /** Quiet: the menu asks only whether to show 遴选组织. */
  listQuiet: (signal?: AbortSignal) => api.get<OrganiserRoundsResponse>(R, { signal, quiet: true }),
  create: (body: CreateRoundBody) => api.post<OrganiserRoundView>(R, body),
  get: (id: string, signal?: AbortSignal) => api.get<OrganiserRoundView>(`${R}/${enc(id)}`, { signal }),
  update: (id: string, body: UpdateRoundBody) => api.patch<OrganiserRoundView>(`${R}/${enc(id)}`, body),
  move: (id: string, to: RoundStatus) => api.post<OrganiserRoundView>(`${R}/${enc(id)}/status`, { to }),
};
