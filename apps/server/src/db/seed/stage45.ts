import { eq } from 'drizzle-orm';
import { ancestorAt, THIRD_NATIONAL_ROUND, type Category } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { applications, experts, registryEntries, rounds, users } from '../schema/index.js';
import { submitApplication } from '../../commands/applications/submitApplication.js';
import { insertRecommended } from '../../routes/authority/reviewFixtures.js';
import { makeDocx, makePdf } from '../../services/documents/sampleDocuments.js';
import { hashPassword } from '../../services/passwords.js';
import { sampleApplicationData } from './sampleApplication.js';
import { certifyDemo, demoUscc, DEMO_PASSWORD, storeDemoFile } from './demo.js';
import { DEMO_EXPERT_TOTP_SECRETS } from './expertSecrets.js';

/**
 * Stages 4–5 of the demo: the ministry's expert pool and applications of the national round N3 that
 * cities and provinces recommended up to the ministry, so a tester can run expert review, ranking,
 * decisions, the public notice and publication at once. Outside 广东 on purpose: the authority
 * walkthrough (and its e2e) counts Guangdong's applications.
 */

export { DEMO_EXPERT_TOTP_SECRETS };

/** Applicants of N3 recommended to the ministry: registry entry, category, applicant mobile, contact. */
export const REACHED_APPLICANTS = [
  { uscc: demoUscc('320500', 'MA1P3Q4R6'), name: '苏州精工智能装备有限公司', legalRepresentative: '沈国平', regionCode: '320506', category: 'enterprise', subType: null, mobile: '13800000011', contact: '钱悦' },
  { uscc: demoUscc('320500', 'MA1N5T6U7'), name: '昆山协同制造云平台有限公司', legalRepresentative: '顾晓东', regionCode: '320583', category: 'platform', subType: 'shared', mobile: '13800000012', contact: '施琳' },
  { uscc: demoUscc('310100', 'MA1W7X8Y9'), name: '上海临港供应链服务有限公司', legalRepresentative: '陆海涛', regionCode: '310115', category: 'platform', subType: 'other', mobile: '13800000013', contact: '蒋雯' },
  { uscc: demoUscc('330100', 'MA2D1E2F3'), name: '杭州数智工业设计有限公司', legalRepresentative: '方敏', regionCode: '330106', category: 'project', subType: null, mobile: '13800000014', contact: '叶青' },
  { uscc: demoUscc('210200', 'MA0G4H5J6'), name: '大连船舶全生命周期服务有限公司', legalRepresentative: '于洋', regionCode: '210213', category: 'enterprise', subType: null, mobile: '13800000015', contact: '姜涛' },
  { uscc: demoUscc('370200', 'MA3K7L8M9'), name: '青岛家电定制服务有限公司', legalRepresentative: '孔德胜', regionCode: '370211', category: 'enterprise', subType: null, mobile: '13800000016', contact: '邢丽' },
] as const;

/** The pool: varied employers, regions and categories; expert05 works for an applicant (a conflict to see). */
export const DEMO_EXPERTS = [
  { username: 'expert01', name: '王建国', title: '教授', employerName: '清华大学机械工程系', regionCode: '110108', fields: ['智能制造', '装备服务'], categories: [] as Category[] },
  { username: 'expert02', name: '李淑芬', title: '高级工程师', employerName: '中国信息通信研究院', regionCode: '110102', fields: ['工业互联网', '共享制造'], categories: ['platform', 'project'] as Category[] },
  { username: 'expert03', name: '陈志强', title: '教授', employerName: '上海交通大学安泰经济与管理学院', regionCode: '310104', fields: ['供应链管理'], categories: ['enterprise'] as Category[] },
  { username: 'expert04', name: '刘海燕', title: '研究员', employerName: '浙江大学管理学院', regionCode: '330106', fields: ['工业设计', '定制化服务'], categories: [] as Category[] },
  { username: 'expert05', name: '孙立军', title: '副总经理', employerName: REACHED_APPLICANTS[5].name, employerUscc: REACHED_APPLICANTS[5].uscc, regionCode: '370211', fields: ['家电制造'], categories: [] as Category[] },
  { username: 'expert06', name: '周文斌', title: '高级经济师', employerName: '中国机械工业联合会', regionCode: '110102', fields: ['全生命周期管理', '总集成总承包'], categories: ['enterprise', 'platform'] as Category[] },
];

export async function seedStage45(ctx: AppContext, roundId: string): Promise<string[]> {
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId)).limit(1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const numbers: string[] = [];
  for (const [i, a] of REACHED_APPLICANTS.entries()) {
    const reg = { uscc: a.uscc, name: a.name, legalRepresentative: a.legalRepresentative, registeredCapital: `${3000 + i * 1000}万元人民币`, orgType: '有限责任公司', address: `${a.name.slice(0, 2)}市示范路${10 + i}号`, regionCode: a.regionCode, establishedOn: `201${i}-03-15`, businessStatus: '存续' };
    await ctx.db.insert(registryEntries).values(reg).onConflictDoNothing();
    const [user] = await ctx.db
      .insert(users)
      .values({ role: 'applicant', mobileEnc: ctx.personalData.protect(a.mobile), mobileIndex: ctx.personalData.blindIndex(a.mobile), passwordHash })
      .returning();
    const org = await certifyDemo(ctx, user!.id, reg, { name: a.contact, position: '经理', mobile: `139${a.mobile.slice(3)}`, email: `demo${a.mobile.slice(-2)}@example.cn` });
    const [app] = await ctx.db
      .insert(applications)
      .values({ roundId, organisationId: org.id, category: a.category, subType: a.subType, regionCode: a.regionCode, data: sampleApplicationData(a.category, { round: THIRD_NATIONAL_ROUND, subType: a.subType }, 30 + i), version: 1 })
      .returning();
    await storeDemoFile(ctx, app!.id, 'narrative', `${a.name}说明材料.docx`, 'docx', makeDocx(`${a.name}申报说明材料`));
    await storeDemoFile(ctx, app!.id, 'supporting', '审计报告.pdf', 'pdf', await makePdf('Audit report'));
    const { number } = await submitApplication(ctx, { id: user!.id, role: 'applicant', regionCode: null, ip: null }, app!.id, { idempotencyKey: `demo-seed-n3-${a.mobile}` });
    numbers.push(number);
    // The city, then the province recommended it (each the only one of its region here: rank 1).
    for (const level of ['city', 'province'] as const) await insertRecommended(ctx, { id: app!.id, roundId }, ancestorAt(a.regionCode, level), 1);
  }

  // Three experts per application by default in the demo (the national default of five needs a bigger pool).
  await ctx.db.update(rounds).set({ config: { ...round!.config, review: { ...round!.config.review, perApplication: 3, maxPerExpert: 10 } } }).where(eq(rounds.id, roundId));

  for (const e of DEMO_EXPERTS) {
    const [user] = await ctx.db
      .insert(users)
      .values({
        role: 'expert',
        username: e.username,
        displayName: e.name,
        passwordHash,
        mustChangePassword: false,
        totpSecretEnc: ctx.personalData.protect(DEMO_EXPERT_TOTP_SECRETS[e.username]!),
        totpEnabledAt: ctx.now(),
      })
      .returning();
    await ctx.db.insert(experts).values({
      userId: user!.id,
      poolRegion: '000000',
      name: e.name,
      title: e.title,
      fields: e.fields,
      employerName: e.employerName,
      employerUscc: e.employerUscc ?? null,
      employerLegalRepresentative: null,
      regionCode: e.regionCode,
      categories: e.categories,
    });
  }

  return [
    `  已推荐至工业和信息化部（第三批，可直接专家评审）: ${REACHED_APPLICANTS.length}份（${numbers.join('、')}），申报主体 ${REACHED_APPLICANTS[0].mobile}–${REACHED_APPLICANTS[REACHED_APPLICANTS.length - 1]!.mobile} / ${DEMO_PASSWORD}`,
    `  评审专家账号（工业和信息化部专家库，密码均为 ${DEMO_PASSWORD}；动态口令密钥如下，或在 /outbox 查看当前口令；${DEMO_EXPERTS[4]!.name}任职于${REACHED_APPLICANTS[5].name}，分配时会提示回避）:`,
    ...DEMO_EXPERTS.map((e) => `    ${e.name}（${e.employerName}）: ${e.username}  动态口令密钥 ${DEMO_EXPERT_TOTP_SECRETS[e.username]}`),
  ];
}
