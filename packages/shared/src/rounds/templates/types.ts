import { z } from 'zod';
import { roundConfigSchema } from '../../round.js';

/**
 * A ready-made round (遴选批次模板) taken from one published notice: what the rounds table needs
 * besides the config. Dates the notice does not give are null; the organiser sets them.
 */
export const roundTemplateSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Short code in application numbers. */
  code: z.string().regex(/^[A-Z0-9]{1,8}$/),
  year: z.number().int(),
  /** The organiser's region ('000000' = the ministry). */
  organiserRegion: z.string().regex(/^\d{6}$/),
  fillingOpensAt: z.iso.datetime({ offset: true }).nullable(),
  fillingClosesAt: z.iso.datetime({ offset: true }).nullable(),
  /** The notice it reproduces (title and document number). */
  source: z.string().min(1),
  config: roundConfigSchema,
});
export type RoundTemplate = z.infer<typeof roundTemplateSchema>;

/** The modes of the 2021 and 2023 national notices (seed 001; seed 003 forwards the same list). */
export const NATIONAL_MODES = ['定制化服务', '供应链管理', '检验检测认证服务', '全生命周期管理', '总集成总承包', '节能环保服务', '生产性金融服务', '共享制造', '其他创新模式'];

/** End of a day in Beijing time. */
export const endOfDay = (date: string) => `${date}T23:59:59+08:00`;
export const startOfDay = (date: string) => `${date}T00:00:00+08:00`;
