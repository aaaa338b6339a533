import type { Category, NoticePhase, ObjectionBody, ObjectionStatus } from '@fw/shared';
import { api, query } from '../../../api/client';

export interface PublicEntry {
  id: string;
  position: number;
  name: string;
  category: Category;
  subType: string | null;
  mode: string | null;
  regionName: string;
  withdrawn: boolean;
  withdrawReason: string | null;
}

export interface PublicNotice {
  roundCode: string;
  roundName: string;
  title: string;
  body: string | null;
  contactInfo: string | null;
  startsAt: string;
  endsAt: string;
  publishedAt: string | null;
  phase: NoticePhase;
  now: string;
  entries: PublicEntry[];
}

export interface ObjectionAnswer {
  receipt: string;
  status: ObjectionStatus;
  entryName: string | null;
  lodgedAt: string;
  answeredAt: string | null;
  answer: string | null;
}

export const fetchNotice = (roundCode: string, signal?: AbortSignal) =>
  api.get<PublicNotice>(`/api/public/notices/${encodeURIComponent(roundCode)}`, { quiet: true, signal });

export const lodgeObjection = (roundCode: string, body: ObjectionBody) =>
  api.post<{ receipt: string; lodgedAt: string }>(`/api/public/notices/${encodeURIComponent(roundCode)}/objections`, body, { quiet: true });

export const fetchObjectionAnswer = (receipt: string, contact: string) =>
  api.get<ObjectionAnswer>(`/api/public/objections/${encodeURIComponent(receipt.trim().toUpperCase())}${query({ contact })}`, { quiet: true });
