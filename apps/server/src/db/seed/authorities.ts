import { eq } from 'drizzle-orm';
import { levelOf, LEVEL_LABELS } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { users } from '../schema/index.js';
import { hashPassword } from '../../services/passwords.js';

/** Same as the demo applicants' password (demo.ts), kept here to avoid an import cycle with demo.ts. */
const DEMO_AUTHORITY_PASSWORD = 'Demo@2026';

/** One authority per level along two chains (广东: 省 → 深圳/广州 → 南山/黄埔; 江苏 → 苏州), plus 上海. */
export const DEMO_AUTHORITIES = [
  { username: 'miit', displayName: '工业和信息化部', regionCode: '000000', issuer: null, contact: ['赵主任', '13700000001', '010-68205000'] },
  { username: 'gd_gxt', displayName: '广东省工业和信息化厅', regionCode: '440000', issuer: 'miit', contact: ['林处长', '13700000002', '020-83133000'] },
  { username: 'js_gxt', displayName: '江苏省工业和信息化厅', regionCode: '320000', issuer: 'miit', contact: ['顾处长', '13700000003', '025-83367000'] },
  { username: 'sh_jxw', displayName: '上海市经济和信息化委员会', regionCode: '310000', issuer: 'miit', contact: ['沈处长', '13700000004', '021-23112000'] },
  { username: 'sz_gxj', displayName: '深圳市工业和信息化局', regionCode: '440300', issuer: 'gd_gxt', contact: ['黄科长', '13700000005', '0755-88101000'] },
  { username: 'gz_gxj', displayName: '广州市工业和信息化局', regionCode: '440100', issuer: 'gd_gxt', contact: ['梁科长', '13700000006', '020-83124000'] },
  { username: 'sz_js_gxj', displayName: '苏州市工业和信息化局', regionCode: '320500', issuer: 'js_gxt', contact: ['吴科长', '13700000007', '0512-68615000'] },
  { username: 'ns_gxj', displayName: '深圳市南山区工业和信息化局', regionCode: '440305', issuer: 'sz_gxj', contact: ['郑干事', '13700000008', '0755-26652000'] },
  { username: 'hp_gxj', displayName: '广州市黄埔区工业和信息化局', regionCode: '440112', issuer: 'gz_gxj', contact: ['何干事', '13700000009', '020-82111000'] },
] as const;

/**
 * Demo authority accounts at every level, ready to use (no first-login step), each with a contact.
 * Idempotent by user name. Returns the lines for the start banner.
 */
export async function seedAuthorities(ctx: AppContext): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_AUTHORITY_PASSWORD);
  const ids = new Map<string, string>();
  for (const a of DEMO_AUTHORITIES) {
    const [name, mobile, phone] = a.contact;
    await ctx.db
      .insert(users)
      .values({
        role: 'authority',
        username: a.username,
        displayName: a.displayName,
        regionCode: a.regionCode,
        level: levelOf(a.regionCode),
        mustChangePassword: false,
        contact: { name, mobileEnc: ctx.personalData.protect(mobile), phone },
        issuedBy: a.issuer ? (ids.get(a.issuer) ?? null) : null,
        passwordHash,
      })
      .onConflictDoNothing({ target: users.username });
    const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, a.username)).limit(1);
    if (row) ids.set(a.username, row.id);
  }
  return [
    `  主管部门账号（密码均为 ${DEMO_AUTHORITY_PASSWORD}）:`,
    ...DEMO_AUTHORITIES.map((a) => `    ${LEVEL_LABELS[levelOf(a.regionCode)]} ${a.displayName}: ${a.username}`),
  ];
}
