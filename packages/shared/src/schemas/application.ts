import { z } from 'zod';
import { CATEGORIES } from '../categories.js';
import { APPLICATION_STATUSES } from '../workflow/application.js';
import { roundConfigSchema } from '../round.js';

export const startApplicationBody = z.object({
  roundId: z.string().uuid(),
  category: z.enum(CATEGORIES),
  subType: z.string().max(16).nullable().optional(),
});

/** A save names the version it was based on and carries a client-made id that makes retries idempotent. */
export const saveFieldsBody = z.object({
  saveId: z.string().min(8).max(64),
  baseVersion: z.number().int().min(0),
  changes: z.record(z.string().max(64), z.unknown()).refine((c) => Object.keys(c).length > 0, '没有要保存的内容'),
});
export type SaveFieldsBody = z.infer<typeof saveFieldsBody>;

/** The key is made once per confirmation page: a double click or a retry yields the same number. */
export const submitBody = z.object({ idempotencyKey: z.string().min(8).max(64) });

export const missingItem = z.object({ field: z.string(), label: z.string(), section: z.string(), message: z.string() });
export type MissingItem = z.infer<typeof missingItem>;

export const fileView = z.object({
  id: z.string(),
  slot: z.string(),
  name: z.string(),
  size: z.number(),
  kind: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
  /** What the upload checks found (e.g. 'JavaScript', 'OpenAction' in a PDF), for the reviewers. */
  flags: z.array(z.string()).optional(),
});
export type FileView = z.infer<typeof fileView>;

export const submissionView = z.object({ number: z.string(), status: z.string(), submittedAt: z.string() });

export const applicationView = z.object({
  id: z.string(),
  roundId: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number(),
  data: z.record(z.string(), z.unknown()),
  currentNumber: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  files: z.array(fileView),
  submissions: z.array(submissionView),
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
  /** The round the application belongs to (its settings drive the form). */
  round: z.object({ id: z.string(), code: z.string(), name: z.string(), fillingClosesAt: z.string(), config: roundConfigSchema }),
  /** The region's authority closed applications (申报截止). */
  closed: z.boolean(),
  /** A reopening in force: what the authority opened, why, and until when. */
  reopening: z.object({ reason: z.string(), expiresAt: z.string(), scope: z.object({ whole: z.boolean(), sections: z.array(z.string()), slots: z.array(z.string()) }) }).nullable(),
  /** Completeness checks of the authorities (形式审查): a returned one carries its reason. */
  checks: z.array(z.object({ level: z.string(), status: z.enum(['pending', 'passed', 'returned']), reason: z.string().nullable(), at: z.string().nullable() })),
  /** What the applicant may do now (the UI shows buttons from this). */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), changeCategory: z.boolean() }),
});
export type ApplicationView = z.infer<typeof applicationView>;
