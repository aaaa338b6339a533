import type { AnswerObjectionBody, Category, NoticeBody, NoticePhase, ObjectionStatus } from '@fw/shared';
import { api } from '../../../api/client';

export interface AdminEntry {
  id: string;
  position: number;
  name: string;
  category: Category;
  subType: string | null;
  mode: string | null;
  regionCode: string;
  regionName: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

export interface AdminObjection {
  id: string;
  receipt: string;
  entryId: string | null;
  entryName: string | null;
  text: string;
  contactName: string;
  contactMasked: string;
  status: ObjectionStatus;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export interface NoticeOverview {
  round: { id: string; code: string; name: string; status: string; noticeDays: number | null };
  releasedSelected: number;
  notice: {
    id: string;
    title: string;
    body: string | null;
    contactInfo: string | null;
    startsAt: string;
    endsAt: string;
    publishedAt: string | null;
    phase: NoticePhase;
    editable: boolean;
  } | null;
  entries: AdminEntry[];
  objections: AdminObjection[];
  checks: { windowEnded: boolean; openObjections: number; published: boolean; units: number; canPublish: boolean } | null;
  now: string;
}

const base = (roundId: string) => `/api/organiser/rounds/${roundId}/notice`;

export const noticeApi = {
  load: (roundId: string, signal?: AbortSignal) => api.get<NoticeOverview>(base(roundId), { signal }),
  create: (roundId: string, body: NoticeBody) => api.post<NoticeOverview>(base(roundId), body, { quiet: true }),
  update: (roundId: string, body: NoticeBody) => api.put<NoticeOverview>(base(roundId), body, { quiet: true }),
  publish: (roundId: string) => api.post<NoticeOverview>(`${base(roundId)}/publish`),
  answer: (objectionId: string, body: AnswerObjectionBody) => api.post<{ status: ObjectionStatus; withdrawn: boolean }>(`/api/organiser/objections/${objectionId}/answer`, body, { quiet: true }),
  contact: (objectionId: string) => api.get<{ name: string; contact: string }>(`/api/organiser/objections/${objectionId}/contact`),
};
