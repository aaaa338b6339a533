import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { usccProblem, USCC_MESSAGES } from '@fw/shared';
import type { Db } from '../../db/client.js';
import { registryEntries } from '../../db/schema/index.js';
import { sql } from 'drizzle-orm';

const rowSchema = z.object({
  uscc: z.string().trim().toUpperCase().superRefine((v, ctx) => {
    const p = usccProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[p] });
  }),
  name: z.string().trim().min(2, '单位名称不能为空'),
  legal_representative: z.string().trim().min(1, '法定代表人不能为空'),
  registered_capital: z.string().trim().optional().default(''),
  org_type: z.string().trim().optional().default(''),
  address: z.string().trim().optional().default(''),
  region_code: z.string().trim().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
  established_on: z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, '成立日期格式应为YYYY-MM-DD').optional().default(''),
  business_status: z.string().trim().optional().default('存续'),
});

export interface ImportReport {
  imported: number;
  rejected: { line: number; message: string }[];
}

/** Loads registry rows from CSV (with a header line); valid rows are upserted by USCC, bad rows reported by line. */
export async function importRegistryCsv(db: Db, csv: string | Buffer): Promise<ImportReport> {
  const records = parse(csv, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  const report: ImportReport = { imported: 0, rejected: [] };
  const valid: (typeof registryEntries.$inferInsert)[] = [];
  records.forEach((rec, i) => {
    const r = rowSchema.safeParse(rec);
    if (!r.success) {
      report.rejected.push({ line: i + 2, message: r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      return;
    }
    const v = r.data;
    valid.push({
      uscc: v.uscc,
      name: v.name,
      legalRepresentative: v.legal_representative,
      registeredCapital: v.registered_capital || null,
      orgType: v.org_type || null,
      address: v.address || null,
      regionCode: v.region_code,
      establishedOn: v.established_on || null,
      businessStatus: v.business_status || '存续',
    });
  });
  for (let i = 0; i < valid.length; i += 500) {
    const chunk = valid.slice(i, i + 500);
    await db
      .insert(registryEntries)
      .values(chunk)
      .onConflictDoUpdate({
        target: registryEntries.uscc,
        set: {
          name: sql`excluded.name`,
          legalRepresentative: sql`excluded.legal_representative`,
          registeredCapital: sql`excluded.registered_capital`,
          orgType: sql`excluded.org_type`,
          address: sql`excluded.address`,
          regionCode: sql`excluded.region_code`,
          establishedOn: sql`excluded.established_on`,
          businessStatus: sql`excluded.business_status`,
        },
      });
    report.imported += chunk.length;
  }
  return report;
}
