import type { DeclareConflictBody, ExpertApplicationView, ExpertAssignmentView, ExpertRoundTasksView, ExpertRoundView, ExpertSheetView, ScoreSheetBody } from '@fw/shared';
import { api, type RequestOptions } from '../../api/client';

/** The experts' API (/api/expert): own tasks only, contracts from @fw/shared/schemas/expertReview. */

const E = '/api/expert';
const enc = encodeURIComponent;

export const expertApi = {
  rounds: (signal?: AbortSignal) => api.get<ExpertRoundView[]>(`${E}/rounds`, { signal }),
  tasks: (roundId: string, signal?: AbortSignal) => api.get<ExpertRoundTasksView>(`${E}/rounds/${enc(roundId)}/assignments`, { signal }),
  assignment: (id: string, signal?: AbortSignal) => api.get<ExpertAssignmentView>(`${E}/assignments/${enc(id)}`, { signal }),
  application: (id: string, signal?: AbortSignal) => api.get<ExpertApplicationView>(`${E}/assignments/${enc(id)}/application`, { signal }),
  declareNoConflict: (id: string) => api.post<ExpertAssignmentView>(`${E}/assignments/${enc(id)}/no-conflict`),
  declareConflict: (id: string, body: DeclareConflictBody) => api.post<ExpertAssignmentView>(`${E}/assignments/${enc(id)}/conflict`, body),
  /** Autosave passes quiet: its status line reports failures instead of a message box. */
  saveDraft: (id: string, body: ScoreSheetBody, opts?: RequestOptions) => api.put<ExpertSheetView>(`${E}/assignments/${enc(id)}/score-sheet`, body, opts),
  submit: (id: string, body: ScoreSheetBody) => api.post<ExpertSheetView>(`${E}/assignments/${enc(id)}/submit`, body),
};

export const expertUrls = {
  file: (id: string, fileId: string, inline = false) => `${E}/assignments/${enc(id)}/files/${enc(fileId)}${inline ? '?inline=1' : ''}`,
  pdf: (id: string, inline = false) => `${E}/assignments/${enc(id)}/pdf${inline ? '?inline=1' : ''}`,
};
