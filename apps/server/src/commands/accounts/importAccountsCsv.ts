import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Actor, AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { issueAccount } from './issueAccount.js';
import { USERNAME_MESSAGE, USERNAME_PATTERN } from './issuingRules.js';

const rowSchema = z.object({
  username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_MESSAGE),
  display_name: z.string().trim().min(2, '单位名称不能为空').max(100, '单位名称过长'),
  region_code: z.string().trim().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
  contact_name: z.string().trim().max(30, '联系人姓名过长').optional().default(''),
});

export interface IssuedRow {
  line: number;
  username: string;
  displayName: string;
  regionCode: string;
  initialPassword: string;
}

export interface AccountImportReport {
  issued: IssuedRow[];
  rejected: { line: number; username: string; message: string }[];
}

/**
 * Bulk issuing from CSV (header: username,display_name,region_code,contact_name). Every row goes
 * through the same command as the admin UI, so the same rules apply; a bad row does not stop the rest.
 */
export async function importAccountsCsv(ctx: AppContext, issuer: Actor, csv: string | Buffer): Promise<AccountImportReport> {
  const records = parse(csv, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  const report: AccountImportReport = { issued: [], rejected: [] };
  for (const [i, rec] of records.entries()) {
    const line = i + 2;
    const parsed = rowSchema.safeParse(rec);
    if (!parsed.success) {
      report.rejected.push({ line, username: rec.username ?? '', message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      continue;
    }
    const v = parsed.data;
    try {
      const { initialPassword } = await issueAccount(ctx, issuer, {
        username: v.username,
        displayName: v.display_name,
        regionCode: v.region_code,
        contactName: v.contact_name || undefined,
        via: 'csv',
      });
      report.issued.push({ line, username: v.username, displayName: v.display_name, regionCode: v.region_code, initialPassword });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      report.rejected.push({ line, username: v.username, message: err.message });
    }
  }
  return report;
}
