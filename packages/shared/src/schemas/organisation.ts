import { z } from 'zod';
import { ENTRIES } from '../categories.js';
import { usccProblem, USCC_MESSAGES } from '../rules/uscc.js';
import { mobileSchema } from './auth.js';

export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const p = usccProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[p] });
  });

export const chooseEntryBody = z.object({ entry: z.enum(ENTRIES) });

/** Look up the registry by registered name or by USCC. */
export const registryLookupQuery = z.object({ q: z.string().trim().min(2, '请输入单位全称或统一社会信用代码').max(100) });

export const registryRecord = z.object({
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string(),
  registeredCapital: z.string().nullable(),
  orgType: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  establishedOn: z.string().nullable(),
  businessStatus: z.string(),
});
export type RegistryRecord = z.infer<typeof registryRecord>;

/** Enterprise-type accounts certify by USCC (from the registry); city accounts choose their city. */
export const certifyBody = z.discriminatedUnion('entry', [
  z.object({ entry: z.literal('enterprise'), uscc: usccSchema }),
  z.object({
    entry: z.literal('city'),
    regionCode: z.string().regex(/^\d{6}$/, '请选择所在城市或区'),
    /** The government's USCC (机关 codes start with 11). */
    uscc: usccSchema,
    name: z.string().trim().min(2, '请输入单位名称').max(100),
  }),
]);
export type CertifyBody = z.infer<typeof certifyBody>;

export const contactBody = z.object({
  name: z.string().trim().min(2, '请输入联系人姓名').max(30, '姓名过长'),
  position: z.string().trim().min(1, '请输入职务').max(30, '职务过长'),
  mobile: mobileSchema,
  email: z.string().trim().email('请输入正确的电子邮箱').max(100),
});
export type ContactBody = z.infer<typeof contactBody>;

export const organisationResponse = z.object({
  id: z.string(),
  entry: z.enum(ENTRIES),
  uscc: z.string().nullable(),
  name: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  registry: z.record(z.string(), z.string().nullable()).nullable(),
  certifiedAt: z.string().nullable(),
  contact: z.object({ name: z.string(), position: z.string(), mobile: z.string(), email: z.string() }).nullable(),
});
export type OrganisationView = z.infer<typeof organisationResponse>;
