import { z } from 'zod';
import { CATEGORIES } from '../categories.js';

/**
 * The organiser's demonstration units (示范单位) of its territory: the list, the import of earlier
 * batches (preview, then commit of the same file) and the revocation proposals of the annual evaluation.
 */

/** An import file (XLSX or CSV) is at most this large. */
export const UNIT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const UNIT_STATUSES = ['active', 'revoked'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = { active: '有效', revoked: '已撤销' };
export const UNIT_SOURCE_LABELS: Record<string, string> = { published: '本平台公布', imported: '历史导入' };

/** GET /api/organiser/units query. */
export const unitAdminQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(CATEGORIES, '示范类别不正确').optional(),
  /** A region inside the actor's territory; its whole territory matches. */
  region: z.string().regex(/^\d{6}$/, '地区代码应为6位数字').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  batch: z.string().trim().max(30).optional(),
  status: z.enum([...UNIT_STATUSES, 'all'], '状态不正确').default('all'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UnitAdminQuery = z.infer<typeof unitAdminQuery>;

export const unitAdminView = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  mode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  batch: z.string(),
  year: z.number(),
  source: z.string(),
  status: z.enum(UNIT_STATUSES),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** An applicant account (certified organisation) holds this unit. */
  matched: z.boolean(),
});
export type UnitAdminView = z.infer<typeof unitAdminView>;

export const unitAdminPage = z.object({
  items: z.array(unitAdminView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  years: z.array(z.number()),
  batches: z.array(z.string()),
});
export type UnitAdminPage = z.infer<typeof unitAdminPage>;

/** What committing a valid row does: insert it, skip it (already present) or refuse it (outside the territory). */
export const IMPORT_OUTCOMES = ['new', 'duplicate', 'outside'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const unitImportRow = z.object({
  row: z.number(),
  name: z.string(),
  uscc: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  mode: z.string().nullable(),
  batch: z.string(),
  year: z.number(),
  title: z.string(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** Why the row is skipped or refused, in Chinese. */
  reason: z.string().nullable(),
  /** The certified organisation the USCC matched (its name), or null. */
  matchedOrganisation: z.string().nullable(),
});
export type UnitImportRow = z.infer<typeof unitImportRow>;

export const unitImportRejected = z.object({ row: z.number(), reasons: z.array(z.string()), cells: z.record(z.string(), z.string()) });
export type UnitImportRejected = z.infer<typeof unitImportRejected>;

export const unitImportCounts = z.object({ new: z.number(), duplicate: z.number(), outside: z.number(), rejected: z.number(), matched: z.number() });

/** POST /api/organiser/units/import/preview: nothing stored; commit sends the same file with the token. */
export const unitImportPreview = z.object({
  /** Names the previewed file (its SHA-256); the commit is refused for any other file. */
  token: z.string(),
  rows: z.array(unitImportRow),
  rejected: z.array(unitImportRejected),
  counts: unitImportCounts,
});
export type UnitImportPreview = z.infer<typeof unitImportPreview>;

/** POST /api/organiser/units/import/commit: what was written, skipped and refused. */
export const unitImportResult = unitImportPreview.omit({ token: true }).extend({ inserted: z.number() });
export type UnitImportResult = z.infer<typeof unitImportResult>;

export const unitImportQuery = z.object({
  filename: z.string().trim().min(1, '请提供文件名').max(200),
});
export const unitImportCommitQuery = unitImportQuery.extend({ token: z.string().regex(/^[0-9a-f]{64}$/, '预览凭据不正确') });

export const revocationProposalView = z.object({
  unitId: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  category: z.enum(CATEGORIES),
  regionName: z.string(),
  title: z.string(),
  batch: z.string(),
  year: z.number(),
  businessStatus: z.string().nullable(),
  /** 2023年 基本合格, one line per graded year. */
  history: z.array(z.string()),
  reasons: z.array(z.string()),
  notes: z.array(z.string()),
});
export type RevocationProposalView = z.infer<typeof revocationProposalView>;

export const revocationProposalsResponse = z.object({
  evaluationYear: z.number(),
  items: z.array(revocationProposalView),
  /** Units whose data the rules refused (duplicate years …), for a person to correct. */
  problems: z.array(z.object({ unitId: z.string(), name: z.string(), message: z.string() })),
});
export type RevocationProposalsResponse = z.infer<typeof revocationProposalsResponse>;

export const revocationYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const confirmRevocationBody = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  note: z.string().trim().max(500).optional(),
});
export type ConfirmRevocationBody = z.infer<typeof confirmRevocationBody>;

export const dismissRevocationBody = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  note: z.string().trim().min(2, '请填写不予撤销的理由').max(500),
});
export type DismissRevocationBody = z.infer<typeof dismissRevocationBody>;

export const revocationDecisionView = z.object({
  unitId: z.string(),
  status: z.enum(['confirmed', 'dismissed']),
  reasons: z.array(z.string()),
  decidedAt: z.string(),
});
export type RevocationDecisionView = z.infer<typeof revocationDecisionView>;
