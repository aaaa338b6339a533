import type {
  AssignmentCandidatesResponse,
  AssignmentListResponse,
  AssignmentOverrideBody,
  AssignmentOverrideResponse,
  AssignmentPreview,
  CommitAssignmentsResponse,
} from '@fw/shared';
import { api, query } from '../../../api/client';

const enc = encodeURIComponent;
const base = (roundId: string) => `/api/organiser/rounds/${enc(roundId)}/assignments`;

/** Assignment of the applications that reached the organiser to the pool's experts. */
export const assignmentsApi = {
  list: (roundId: string, signal?: AbortSignal) => api.get<AssignmentListResponse>(base(roundId), { signal }),
  preview: (roundId: string) => api.post<AssignmentPreview>(`${base(roundId)}/preview`),
  commit: (roundId: string, planDigest: string) => api.post<CommitAssignmentsResponse>(`${base(roundId)}/commit`, { planDigest }),
  candidates: (roundId: string, applicationId: string, signal?: AbortSignal) =>
    api.get<AssignmentCandidatesResponse>(`${base(roundId)}/candidates${query({ applicationId })}`, { signal }),
  override: (roundId: string, body: AssignmentOverrideBody) => api.post<AssignmentOverrideResponse>(`${base(roundId)}/overrides`, body),
};
