import { eq, inArray } from 'drizzle-orm';
import { ancestorAt, rubricFor, roundPoints, THIRD_NATIONAL_ROUND, totalScore, type Category } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { applications, noticeEntries, objections, publicNotices, registryEntries, reviewAssignments, roundDecisions, rounds, users } from '../schema/index.js';
import { submitApplication } from '../../commands/applications/submitApplication.js';
import { selectedEntries } from '../../commands/notice/selectedEntries.js';
import { insertRecommended } from '../../routes/authority/reviewFixtures.js';
import { makeDocx, makePdf } from '../../services/documents/sampleDocuments.js';
import { hashPassword } from '../../services/passwords.js';
import { sampleApplicationData } from './sampleApplication.js';
import { certifyDemo, demoUscc, DEMO_PASSWORD, storeDemoFile } from './demo.js';
import { COUNTRY_CODE } from './regions.js';

/**
 * A national round (N2) that has been through every stage up to a public notice whose window ended
 * yesterday, with its one objection answered: the ministry can publish the list (发布名单) at once and
 * see the units on /units, without waiting out a notice window. Outside 广东 (the authority walkthrough
 * counts Guangdong's applications) and with its own applicants.
 */

const DAY = 86400_000;

/** Applicants of N2: registry entry, category, applicant mobile, contact, the experts' score level. */
export const FINISHED_APPLICANTS = [
  { uscc: demoUscc('370200', 'MA3P1Q2R3'), name: '青岛海岸智能装备服务有限公司', legalRepresentative: '曲明远', regionCode: '370211', category: 'enterprise', subType: null, mobile: '13800000021', contact: '宫晓', level: 0.9 },
  { uscc: demoUscc('420100', 'MA4B2C3D4'), name: '武汉光谷精密制造服务有限公司', legalRepresentative: '熊志刚', regionCode: '420106', category: 'enterprise', subType: null, mobile: '13800000022', contact: '喻婷', level: 0.84 },
  { uscc: demoUscc('510100', 'MA6E3F4G5'), name: '成都天府共享工厂有限公司', legalRepresentative: '蒲建华', regionCode: '510107', category: 'platform', subType: 'shared', mobile: '13800000023', contact: '税丽', level: 0.87 },
  { uscc: demoUscc('350200', 'MA8H4J5K6'), name: '厦门供应链协同服务有限公司', legalRepresentative: '林海峰', regionCode: '350203', category: 'platform', subType: 'other', mobile: '13800000024', contact: '庄婷', level: 0.82 },
  { uscc: demoUscc('610100', 'MA6L5M6N7'), name: '西安工业设计创新中心有限公司', legalRepresentative: '雷振华', regionCode: '610113', category: 'project', subType: null, mobile: '13800000025', contact: '党晓', level: 0.86 },
  { uscc: demoUscc('420100', 'MA4P6Q7R8'), name: '武汉江城检测认证服务有限公司', legalRepresentative: '胡建军', regionCode: '420111', category: 'enterprise', subType: null, mobile: '13800000026', contact: '聂芳', level: 0.68 },
] as const;

/** Three of the ministry's demo experts per category (expert05 stays out: his employer applies to N3). */
const EXPERTS_BY_CATEGORY: Record<Category, string[]> = {
  enterprise: ['expert01', 'expert03', 'expert06'],
  platform: ['expert01', 'expert02', 'expert06'],
  project: ['expert01', 'expert02', 'expert04'],
} as Record<Category, string[]>;

/** Selected: every application but the last enterprise, whose score falls below the others. */
const NOT_SELECTED = FINISHED_APPLICANTS[5].mobile;

export async function seedFinishedRound(ctx: AppContext): Promise<string[]> {
  const now = ctx.now();
  const [ministry] = await ctx.db.select().from(users).where(eq(users.username, 'miit')).limit(1);
  if (!ministry) throw new Error('seedFinishedRound needs the demo authorities (miit)');
  const config = { ...THIRD_NATIONAL_ROUND, review: { ...THIRD_NATIONAL_ROUND.review, perApplication: 3, maxPerExpert: 10 } };
  // Open while its applicants submit, as it was in 2025; closed and under review afterwards (created in
  // 2025 too: lists that put the newest round first keep N3, the one to work on, on top).
  const [round] = await ctx.db
    .insert(rounds)
    .values({ code: 'N2', name: '第二批服务型制造示范遴选', year: 2025, organiserRegion: COUNTRY_CODE, status: 'open', fillingOpensAt: new Date(now.getTime() - 7 * DAY), fillingClosesAt: new Date(now.getTime() + 40 * DAY), config })
    .returning();
  const roundId = round!.id;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const apps: { id: string; mobile: string; category: Category; level: number }[] = [];
  for (const [i, a] of FINISHED_APPLICANTS.entries()) {
    const reg = { uscc: a.uscc, name: a.name, legalRepresentative: a.legalRepresentative, registeredCapital: `${2000 + i * 1000}万元人民币`, orgType: '有限责任公司', address: `${a.name.slice(0, 2)}市创新路${20 + i}号`, regionCode: a.regionCode, establishedOn: `200${i + 3}-06-18`, businessStatus: '存续' };
    await ctx.db.insert(registryEntries).values(reg).onConflictDoNothing();
    const [user] = await ctx.db
      .insert(users)
      .values({ role: 'applicant', mobileEnc: ctx.personalData.protect(a.mobile), mobileIndex: ctx.personalData.blindIndex(a.mobile), passwordHash })
      .returning();
    const org = await certifyDemo(ctx, user!.id, reg, { name: a.contact, position: '经理', mobile: `139${a.mobile.slice(3)}`, email: `demo${a.mobile.slice(-2)}@example.cn` });
    const [app] = await ctx.db
      .insert(applications)
      .values({ roundId, organisationId: org.id, category: a.category, subType: a.subType, regionCode: a.regionCode, data: sampleApplicationData(a.category, { round: config, subType: a.subType }, 50 + i), version: 1 })
      .returning();
    await storeDemoFile(ctx, app!.id, 'narrative', `${a.name}说明材料.docx`, 'docx', makeDocx(`${a.name}申报说明材料`));
    await storeDemoFile(ctx, app!.id, 'supporting', '审计报告.pdf', 'pdf', await makePdf('Audit report'));
    await submitApplication(ctx, { id: user!.id, role: 'applicant', regionCode: null, ip: null }, app!.id, { idempotencyKey: `demo-seed-n2-${a.mobile}` });
    for (const level of ['city', 'province'] as const) await insertRecommended(ctx, { id: app!.id, roundId }, ancestorAt(a.regionCode, level), 1);
    apps.push({ id: app!.id, mobile: a.mobile, category: a.category, level: a.level });
  }
  await ctx.db
    .update(rounds)
    .set({ status: 'reviewing', createdAt: new Date('2025-02-20T09:00:00+08:00'), fillingOpensAt: new Date('2025-03-01T00:00:00+08:00'), fillingClosesAt: new Date('2025-05-31T17:00:00+08:00') })
    .where(eq(rounds.id, roundId));

  // Expert review: every sheet declared free of conflict and submitted, the experts' levels apart a little.
  const expertRows = await ctx.db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['expert01', 'expert02', 'expert03', 'expert04', 'expert06']));
  const expertId = new Map(expertRows.map((e) => [e.username!, e.id]));
  const reviewedAt = new Date(now.getTime() - 20 * DAY);
  for (const app of apps) {
    const rubric = rubricFor(config.review?.rubrics, app.category);
    for (const [j, username] of EXPERTS_BY_CATEGORY[app.category].entries()) {
      const f = Math.min(1, app.level + (j - 1) * 0.03);
      const scores = Object.fromEntries(rubric.criteria.map((c) => [c.key, roundPoints(c.maxPoints * f)]));
      await ctx.db.insert(reviewAssignments).values({
        roundId,
        applicationId: app.id,
        expertId: expertId.get(username)!,
        source: 'auto',
        status: 'assigned',
        noConflictDeclaredAt: new Date(reviewedAt.getTime() - DAY),
        scores,
        total: totalScore(rubric, scores),
        comment: app.level >= 0.8 ? '服务型制造转型成效明显，模式具有示范推广价值。' : '服务收入占比偏低，示范带动作用有待加强。',
        submittedAt: reviewedAt,
        assignedBy: ministry.id,
        assignedAt: new Date(reviewedAt.getTime() - 10 * DAY),
        updatedAt: reviewedAt,
      });
    }
  }

  // Decisions released: ranks by score within each category (one enterprise not selected).
  const decidedAt = new Date(now.getTime() - 12 * DAY);
  const rankIn = (app: (typeof apps)[number]) => apps.filter((o) => o.category === app.category && o.level > app.level).length + 1;
  await ctx.db.insert(roundDecisions).values(
    apps.map((app) => {
      const selected = app.mobile !== NOT_SELECTED;
      return { roundId, applicationId: app.id, decision: selected ? 'selected' : 'not_selected', rank: selected ? rankIn(app) : null, preparedBy: ministry.id, preparedAt: decidedAt, releasedAt: decidedAt };
    }),
  );

  // The notice: a seven-day window that ended yesterday, its entries built as createNotice builds them.
  const [notice] = await ctx.db
    .insert(publicNotices)
    .values({
      roundId,
      title: '第二批服务型制造示范名单公示',
      body: '经申报推荐、专家评审，拟认定以下单位为第二批服务型制造示范。公示期内如有异议，请以书面形式反映。',
      startsAt: new Date(now.getTime() - 8 * DAY),
      endsAt: new Date(now.getTime() - DAY),
      contactInfo: '工业和信息化部产业政策与法规司，电话 010-68205000',
      createdBy: ministry.id,
      createdAt: new Date(now.getTime() - 8 * DAY),
    })
    .returning();
  const entries = await selectedEntries(ctx.db, round!);
  const inserted = await ctx.db.insert(noticeEntries).values(entries.map((e) => ({ ...e, noticeId: notice!.id }))).returning();

  // One objection during the window, answered (not upheld) before it ended.
  await ctx.db.insert(objections).values({
    noticeId: notice!.id,
    entryId: inserted[0]!.id,
    text: '该单位服务收入占比数据与年报不一致，请核实。',
    contactName: '王先生',
    contactEnc: ctx.personalData.protect('13900000099'),
    status: 'rejected',
    answer: '经核实，申报数据与经审计的财务报告一致，年报口径不同所致，异议不成立。',
    answeredBy: ministry.id,
    answeredAt: new Date(now.getTime() - 3 * DAY),
    createdAt: new Date(now.getTime() - 6 * DAY),
  });

  return [
    `  第二批（N2，已公示期满，可直接“发布名单”，再看 /units）: ${entries.length}家拟入选，申报主体 ${FINISHED_APPLICANTS[0].mobile}–${FINISHED_APPLICANTS[FINISHED_APPLICANTS.length - 1]!.mobile} / ${DEMO_PASSWORD}`,
  ];
}
