import type { ApplicationView, Category, FileView, RoundConfig } from '@fw/shared';
import { request, type RequestOptions } from '../../../api/client';

export interface OrganisationInfo {
  name: string | null;
  uscc: string | null;
  regionName: string | null;
  registry: Record<string, string | null> | null;
  contact: { name: string; position: string; mobile: string; email: string } | null;
}

export interface SaveResult {
  version: number;
  savedAt: string;
  status: ApplicationView['status'];
  /** Not every server version sends them; the page then keeps its own (computed live). */
  warnings?: ApplicationView['warnings'];
}

export interface MissingItem {
  field: string;
  label: string;
  section: string;
  message: string;
}

const base = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

/** Saves and submits handle their errors on the page (401 must not leave the form), hence quiet. */
const quiet: RequestOptions = { quiet: true };

export const applicationApi = {
  get: (id: string, signal?: AbortSignal) => request<ApplicationView>('GET', base(id), undefined, { signal }),
  organisation: (signal?: AbortSignal) =>
    request<{ organisation: OrganisationInfo | null }>('GET', '/api/organisation', undefined, { signal }),
  saveFields: (id: string, body: { saveId: string; baseVersion: number; changes: Record<string, unknown> }) =>
    request<SaveResult>('PATCH', `${base(id)}/fields`, body, quiet),
  changeCategory: (id: string, body: { category: Category; subType: string | null }) =>
    request<ApplicationView>('PUT', `${base(id)}/category`, body),
  submit: (id: string, body: { idempotencyKey: string; uploadStartedAt?: string }) =>
    request<{ number: string; submittedAt: string }>('POST', `${base(id)}/submit`, body, quiet),
  files: (id: string) => request<FileView[]>('GET', `${base(id)}/files`),
  deleteFile: (id: string, fileId: string) => request<unknown>('DELETE', `${base(id)}/files/${encodeURIComponent(fileId)}`),
  fileUrl: (id: string, fileId: string) => `${base(id)}/files/${encodeURIComponent(fileId)}/download`,
  pdfUrl: (id: string) => `${base(id)}/pdf`,
};
