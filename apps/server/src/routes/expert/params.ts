import { z } from 'zod';

/** Path parameters of the experts' routes. */
export const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional(), reason: z.string().optional() });
export const roundParams = z.object({ roundId: z.uuid('批次编号格式不正确') });
export const assignmentParams = z.object({ id: z.uuid('评审任务编号格式不正确') });
export const fileParams = z.object({ id: z.uuid('评审任务编号格式不正确'), fileId: z.uuid('文件编号格式不正确') });
export const inlineQuery = z.object({ inline: z.enum(['0', '1'], 'inline 应为0或1').optional() });
export const okBody = z.object({ ok: z.literal(true) });
