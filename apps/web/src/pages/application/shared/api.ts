import type { ApplicationView, Category, FileView, RoundConfig } from '@fw/shared';
import { requestJson } from './http';

export interface RoundSummary {
  id: string;
  code: string;
  name: string;
  year: number;
  fillingClosesAt: string | null;
  config: RoundConfig;
}

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
  warnings: ApplicationView['warnings'];
}

export interface MissingItem {
  field: string;
  label: string;
  section: string;
  message: string;
}

const base = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const applicationApi = {
  get: (id: string) => requestJson<ApplicationView>('GET', base(id)),
  rounds: () => requestJson<RoundSummary[]>('GET', '/api/rounds'),
  organisation: () => requestJson<{ organisation: OrganisationInfo | null }>('GET', '/api/organisation'),
  saveFields: (id: string, body: { saveId: string; baseVersion: number; changes: Record<string, unknown> }) =>
    requestJson<SaveResult>('PATCH', `${base(id)}/fields`, body),
  changeCategory: (id: string, body: { category: Category; subType: string | null }) =>
    requestJson<ApplicationView>('PUT', `${base(id)}/category`, body),
  submit: (id: string, body: { idempotencyKey: string; uploadStartedAt?: string }) =>
    requestJson<{ number: string; submittedAt: string }>('POST', `${base(id)}/submit`, body),
  files: (id: string) => requestJson<FileView[]>('GET', `${base(id)}/files`),
  deleteFile: (id: string, fileId: string) => requestJson<unknown>('DELETE', `${base(id)}/files/${encodeURIComponent(fileId)}`),
  fileUrl: (id: string, fileId: string) => `${base(id)}/files/${encodeURIComponent(fileId)}/download`,
  pdfUrl: (id: string) => `${base(id)}/pdf`,
};
