import { z } from 'zod';
import { MB, type FileKind } from '../limits.js';

/**
 * Site inspections (现场考察) run by a round's organiser: the schedule, the inspectors (pool experts
 * and named officials), the findings with their result, and attachments. The organiser's page and the
 * routes under /api/organiser/rounds/:roundId/inspections share these contracts.
 */

export const INSPECTION_RESULTS = ['scheduled', 'passed', 'failed', 'conditional'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
/** What a recorded conclusion may be (scheduled is the state before one). */
export const INSPECTION_OUTCOMES = ['passed', 'failed', 'conditional'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = {
  scheduled: '待考察',
  passed: '通过',
  failed: '不通过',
  conditional: '有条件通过',
};

/** Attachments: photos, PDF and Word; an organiser's attachments are small. */
export const INSPECTION_FILE_KINDS: readonly FileKind[] = ['jpg', 'pdf', 'docx', 'doc'];
export const INSPECTION_FILE_MAX_BYTES = 20 * MB;
export const INSPECTION_LIMITS = { inspectors: 20, nameLength: 30, placeLength: 200, findingsLength: 5000, files: 30 } as const;

/** The Beijing calendar day of an instant (YYYY-MM-DD), whatever the machine's zone. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD day lies before today in Beijing. */
export function isPastDay(day: string, now: Date): boolean {
  return day < beijingDay(now);
}

const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '日期无效');

export const inspectorSchema = z.object({
  /** An expert of the organiser's pool; absent for a named official. */
  userId: z.uuid('专家编号格式不正确').optional().nullable(),
  name: z.string().trim().max(INSPECTION_LIMITS.nameLength, '姓名过长').default(''),
});
export type InspectorInput = z.infer<typeof inspectorSchema>;

const inspectorsSchema = z
  .array(inspectorSchema)
  .min(1, '请至少安排一名考察人员')
  .max(INSPECTION_LIMITS.inspectors, `考察人员不超过${INSPECTION_LIMITS.inspectors}人`)
  .refine((list) => list.every((i) => i.userId || i.name.length >= 2), '请填写考察人员姓名（至少2个字）');

const placeSchema = z.string().trim().min(2, '请填写考察地点').max(INSPECTION_LIMITS.placeLength, '考察地点过长');

export const scheduleInspectionSchema = z.object({
  applicationId: z.uuid('申报编号格式不正确'),
  scheduledOn: daySchema,
  place: placeSchema,
  inspectors: inspectorsSchema,
});
export type ScheduleInspectionInput = z.infer<typeof scheduleInspectionSchema>;

export const updateInspectionSchema = z.object({
  scheduledOn: daySchema.optional(),
  place: placeSchema.optional(),
  inspectors: inspectorsSchema.optional(),
});
export type UpdateInspectionInput = z.infer<typeof updateInspectionSchema>;

export const FINDINGS_REQUIRED = '结论为不通过或有条件通过时，请填写考察发现';

export const recordInspectionResultSchema = z
  .object({
    result: z.enum(INSPECTION_OUTCOMES, '请选择考察结论'),
    findings: z.string().trim().max(INSPECTION_LIMITS.findingsLength, `考察发现不超过${INSPECTION_LIMITS.findingsLength}字`).default(''),
  })
  .superRefine((v, c) => {
    if (v.result !== 'passed' && v.findings.length < 5) c.addIssue({ code: 'custom', path: ['findings'], message: FINDINGS_REQUIRED });
  });
export type RecordInspectionResultInput = z.infer<typeof recordInspectionResultSchema>;

export const inspectionFileView = z.object({ id: z.string(), name: z.string(), size: z.number(), kind: z.string(), flags: z.array(z.string()), createdAt: z.string() });
export type InspectionFileView = z.infer<typeof inspectionFileView>;

export const inspectionView = z.object({
  id: z.string(),
  applicationId: z.string(),
  number: z.string(),
  applicantName: z.string(),
  category: z.string(),
  subType: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  scheduledOn: z.string(),
  place: z.string().nullable(),
  inspectors: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  findings: z.string().nullable(),
  result: z.enum(INSPECTION_RESULTS),
  files: z.array(inspectionFileView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InspectionView = z.infer<typeof inspectionView>;

/** What the schedule drawer picks from: the applications that reached the organiser, and its pool. */
export const inspectionCandidate = z.object({
  applicationId: z.string(),
  number: z.string(),
  name: z.string(),
  category: z.string(),
  regionName: z.string(),
  /** An inspection still to take place (a second one is refused until it has a result). */
  openInspectionId: z.string().nullable(),
});
export const inspectionPoolExpert = z.object({ userId: z.string(), name: z.string(), title: z.string().nullable(), employerName: z.string() });

export const inspectionListResponse = z.object({
  items: z.array(inspectionView),
  candidates: z.array(inspectionCandidate),
  pool: z.array(inspectionPoolExpert),
  counts: z.record(z.string(), z.number()),
  /** Today in Beijing, by the server clock: the date picker refuses earlier days. */
  today: z.string(),
});
export type InspectionListResponse = z.infer<typeof inspectionListResponse>;
