import type { InspectionListResponse, InspectionResult, InspectionView, RecordInspectionResultInput, ScheduleInspectionInput, UpdateInspectionInput } from '@fw/shared';
import { api, query } from '../../../api/client';

export const inspectionsBase = (roundId: string) => `/api/organiser/rounds/${roundId}/inspections`;

/** The organiser's site inspections (/api/organiser/rounds/:roundId/inspections). */
export const inspectionsApi = {
  list: (roundId: string, result: InspectionResult | undefined, signal?: AbortSignal) =>
    api.get<InspectionListResponse>(`${inspectionsBase(roundId)}${query({ result })}`, { signal }),
  schedule: (roundId: string, body: ScheduleInspectionInput) => api.post<InspectionView>(inspectionsBase(roundId), body),
  update: (roundId: string, id: string, body: UpdateInspectionInput) => api.patch<InspectionView>(`${inspectionsBase(roundId)}/${id}`, body),
  recordResult: (roundId: string, id: string, body: RecordInspectionResultInput) => api.put<InspectionView>(`${inspectionsBase(roundId)}/${id}/result`, body),
  fileUrl: (roundId: string, id: string, fileId: string) => `${inspectionsBase(roundId)}/${id}/files/${fileId}`,
  deleteFile: (roundId: string, id: string, fileId: string) => api.delete<void>(`${inspectionsBase(roundId)}/${id}/files/${fileId}`),
};
