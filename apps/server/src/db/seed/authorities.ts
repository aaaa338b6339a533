import { and, eq, isNull } from 'drizzle-orm';
import { levelOf, LEVEL_LABELS } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { users } from '../schema/index.js';
import { hashPassword } from '../../services/passwords.js';

/** Same as the demo applicants' password (demo.ts), kept here to avoid an import cycle with demo.ts. */
const DEMO_AUTHORITY_PASSWORD = 'Demo@2026';

/**
 * Fixed TOTP secrets of the demo authorities, so testers (in any authenticator app, or on the
 * /dev/outbox page) and the e2e can compute their codes. Demo only: real accounts enrol their own.
 */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  miit: 'N7D7AWKMASNTZ5LKQRSNDBJ56UD3K5KS',
  gd_gxt: 'MJFYLVHQIBA4IFH45AMDW4OAD7VUO4B3',
  js_gxt: '4IQX3HAA624Q42CL52PMFAQJZFBOWF2T',
  sh_jxw: 'CY5QZOGQWO3UEE7YZR4G5IKJBTS57OSR',
  sz_gxj: 'DUMTE4GOVLWUFDGZD2AXMUKN2O36PN6L',
  gz_gxj: 'GDG3VEPQU37BA3SEOUIIR7ZQIAYXHV6N',
  sz_js_gxj: 'RDU4JEAAXVAV3UVNUTC5OYMBBRC2U32O',
  ns_gxj: 'RUDFPRVZ7M2QPL5JIJP5FZMIMMXNRQ7V',
  hp_gxj: 'TJ6W4BMIP24RXVFRZCRXEWTQ2R43EFBS',
};

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
    // The second factor is mandatory for authorities; the demo ones have it in force from the start.
    const secret = DEMO_TOTP_SECRETS[a.username];
    if (secret) {
      await ctx.db
        .update(users)
        .set({ totpSecretEnc: ctx.personalData.protect(secret), totpEnabledAt: ctx.now() })
        .where(and(eq(users.username, a.username), isNull(users.totpEnabledAt)));
    }
    const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, a.username)).limit(1);
    if (row) ids.set(a.username, row.id);
  }
  return [
    `  主管部门账号（密码均为 ${DEMO_AUTHORITY_PASSWORD}；登录第二步的动态口令用下列演示密钥在验证器中添加，或在 /dev/outbox 查看当前口令）:`,
    ...DEMO_AUTHORITIES.map((a) => `    ${LEVEL_LABELS[levelOf(a.regionCode)]} ${a.displayName}: ${a.username}  动态口令密钥 ${DEMO_TOTP_SECRETS[a.username]}`),
  ];
}
