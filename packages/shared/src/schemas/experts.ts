import { z } from 'zod';
import { CATEGORIES } from '../categories.js';
import { mobileSchema } from './auth.js';
import { usccSchema } from './organisation.js';

/**
 * The organiser's expert pool (专家库): forms of the organiser's pages and the routes under
 * /api/organiser/experts share these.
 */

/** Login names of issued accounts (the same rule as authority accounts). */
export const EXPERT_USERNAME_PATTERN = /^[a-z0-9_]{4,32}$/;
export const EXPERT_USERNAME_MESSAGE = '账号名为4–32位小写字母、数字或下划线';

/** Limits of the pool's free-text fields, for the forms and the server alike. */
export const EXPERT_LIMITS = { fields: 10, fieldLength: 20, declaredConflicts: 50, noteLength: 200, maxLoad: 10000 } as const;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .nullable()
    .transform((v) => (v === undefined ? undefined : v || null));

/** An organisation (by USCC) or one application the expert declared a conflict with. */
export const declaredConflictSchema = z
  .object({
    uscc: usccSchema.optional().nullable(),
    applicationId: z.uuid().optional().nullable(),
    note: z.string().trim().max(EXPERT_LIMITS.noteLength, '说明不超过200字').optional().nullable(),
  })
  .refine((d) => Boolean(d.uscc || d.applicationId), { message: '请填写回避单位的统一社会信用代码' });

const fieldsSchema = z
  .array(z.string().trim().min(1).max(EXPERT_LIMITS.fieldLength, '专业领域每项不超过20字'))
  .max(EXPERT_LIMITS.fields, '专业领域不超过10项');
const categoriesSchema = z.array(z.enum(CATEGORIES, { error: '评审类别应为示范企业、示范平台、示范项目、示范城市或示范区' }));
const declaredConflictsSchema = z.array(declaredConflictSchema).max(EXPERT_LIMITS.declaredConflicts, '申报回避不超过50项');

/** What the organiser edits about an expert (the account itself has its own life). No defaults: a PATCH leaves out what it does not change. */
export const expertProfileSchema = z.object({
  name: z.string().trim().min(2, '请输入专家姓名').max(30, '姓名过长'),
  title: optionalText(50, '职称/职务过长'),
  mobile: mobileSchema.optional().nullable().or(z.literal('').transform(() => null)),
  employerName: z.string().trim().min(2, '请输入工作单位').max(100, '单位名称过长'),
  /** Optional: universities abroad or retirees may have none; the name then decides conflicts. */
  employerUscc: usccSchema.optional().nullable().or(z.literal('').transform(() => null)),
  /** Taken from the business registry when it knows the USCC; typed only when it does not. */
  employerLegalRepresentative: optionalText(30, '法定代表人姓名过长'),
  regionCode: z.string().trim().regex(/^\d{6}$/, '请选择工作单位所在地区'),
  fields: fieldsSchema,
  /** Empty: every category. */
  categories: categoriesSchema,
  maxLoad: z.number().int().min(1, '评审上限至少为1').max(EXPERT_LIMITS.maxLoad).nullable().optional(),
  declaredConflicts: declaredConflictsSchema,
});
export type ExpertProfile = z.infer<typeof expertProfileSchema>;

/** POST /api/organiser/experts — issue an expert account with its profile. */
export const issueExpertBody = expertProfileSchema.extend({
  username: z.string().trim().regex(EXPERT_USERNAME_PATTERN, EXPERT_USERNAME_MESSAGE),
  fields: fieldsSchema.default([]),
  categories: categoriesSchema.default([]),
  declaredConflicts: declaredConflictsSchema.default([]),
});
export type IssueExpertBody = z.infer<typeof issueExpertBody>;

/** PATCH /api/organiser/experts/:id — any subset of the profile, and (de)activation. */
export const updateExpertBody = expertProfileSchema.partial().extend({ active: z.boolean().optional() });
export type UpdateExpertBody = z.infer<typeof updateExpertBody>;

export const expertListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** A field of expertise, exactly as listed. */
  field: z.string().trim().max(EXPERT_LIMITS.fieldLength).optional(),
  category: z.enum(CATEGORIES).optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
  /** Name, user name or employer, contained. */
  q: z.string().trim().max(50).optional(),
});
export type ExpertListQuery = z.infer<typeof expertListQuery>;

export const expertView = z.object({
  id: z.string(),
  username: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  /** Personal data: only masked in lists (138****1234). */
  mobileMasked: z.string().nullable(),
  employerName: z.string(),
  employerUscc: z.string().nullable(),
  employerLegalRepresentative: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  fields: z.array(z.string()),
  categories: z.array(z.string()),
  maxLoad: z.number().nullable(),
  declaredConflicts: z.array(z.object({ uscc: z.string().nullable().optional(), applicationId: z.string().nullable().optional(), note: z.string().nullable().optional() })),
  active: z.boolean(),
  /** The expert has not yet changed the initial password and bound a contact. */
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  createdAt: z.string(),
});
export type ExpertView = z.infer<typeof expertView>;

export const expertListResponse = z.object({
  items: z.array(expertView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Every field of expertise in the pool, for the filter. */
  fieldOptions: z.array(z.string()),
});
export type ExpertListResponse = z.infer<typeof expertListResponse>;

export const issueExpertResponse = z.object({ expert: expertView, initialPassword: z.string() });
export type IssueExpertResponse = z.infer<typeof issueExpertResponse>;

/** GET /api/organiser/experts/employer?uscc= — the registry's record of an employer. */
export const employerLookupQuery = z.object({ uscc: usccSchema });
export const employerLookupResponse = z.object({ uscc: z.string(), name: z.string(), legalRepresentative: z.string(), regionCode: z.string() });
export type EmployerLookup = z.infer<typeof employerLookupResponse>;

/** CSV columns of the bulk import, in order (header row required). */
export const EXPERT_CSV_COLUMNS = ['name', 'username', 'mobile', 'employer', 'employer_uscc', 'region_code', 'fields', 'categories'] as const;
/** Lists inside one CSV cell are separated by these (、 ; ；|). */
export const EXPERT_CSV_LIST_SEPARATOR = /[、;；|]/;

export const expertImportReport = z.object({
  issued: z.array(z.object({ line: z.number(), username: z.string(), name: z.string(), initialPassword: z.string() })),
  rejected: z.array(z.object({ line: z.number(), username: z.string(), message: z.string() })),
});
export type ExpertImportReport = z.infer<typeof expertImportReport>;
