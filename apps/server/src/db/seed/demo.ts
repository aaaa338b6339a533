import { sql } from 'drizzle-orm';
import { THIRD_NATIONAL_ROUND, usccCheckChar } from '@fw/shared';
import type { AppContext } from '../../context.js';
import crypto from 'node:crypto';
import { applications, files, organisations, registryEntries, rounds, users } from '../schema/index.js';
import { sampleApplicationData } from './sampleApplication.js';
import { makeDocx, makePdf } from '../../services/documents/sampleDocuments.js';
import { submitApplication } from '../../commands/applications/submitApplication.js';
import { seedAuthorities } from './authorities.js';
import { hashPassword } from '../../services/passwords.js';
import { COUNTRY_CODE } from './regions.js';
import { seedStage45 } from './stage45.js';
import { seedFinishedRound } from './finishedRound.js';

export const DEMO_PASSWORD = 'Demo@2026';

/** A valid USCC for a demo organisation: 91 (enterprise) + region + an organisation code + check. */
export function demoUscc(regionCode: string, orgCode: string): string {
  const first17 = `91${regionCode}${orgCode}`;
  return first17 + usccCheckChar(first17);
}

export const DEMO_REGISTRY = [
  { uscc: demoUscc('440300', 'MA5D8K2L7'), name: '深圳智造装备股份有限公司', legalRepresentative: '李明', registeredCapital: '12000万元人民币', orgType: '股份有限公司（上市）', address: '深圳市南山区科技园南区高新南一道8号', regionCode: '440305', establishedOn: '2008-05-16' },
  { uscc: demoUscc('440100', 'MA59QW3R1'), name: '广州云链供应链管理有限公司', legalRepresentative: '王芳', registeredCapital: '5000万元人民币', orgType: '有限责任公司', address: '广州市黄埔区科学大道182号', regionCode: '440112', establishedOn: '2015-09-01' },
  { uscc: demoUscc('310100', 'MA1G7H8J0'), name: '上海共享制造科技有限公司', legalRepresentative: '张伟', registeredCapital: '3000万元人民币', orgType: '有限责任公司', address: '上海市嘉定区安亭镇墨玉路185号', regionCode: '310114', establishedOn: '2019-03-20' },
  { uscc: demoUscc('210200', 'MA0Y6T5R4'), name: '大连重工检测认证服务有限公司', legalRepresentative: '刘强', registeredCapital: '8000万元人民币', orgType: '有限责任公司', address: '大连市甘井子区新水泥路1号', regionCode: '210211', establishedOn: '2011-11-11' },
  { uscc: demoUscc('320500', 'MA1N2B3W5'), name: '苏州全生命周期装备服务有限公司', legalRepresentative: '陈静', registeredCapital: '6000万元人民币', orgType: '有限责任公司', address: '苏州市工业园区星湖街328号', regionCode: '320571', establishedOn: '2012-06-18' },
  { uscc: demoUscc('330100', 'MA2C4X6Y8'), name: '杭州定制家居制造有限公司', legalRepresentative: '赵磊', registeredCapital: '2000万元人民币', orgType: '有限责任公司', address: '杭州市余杭区文一西路998号', regionCode: '330110', establishedOn: '2016-02-29' },
  { uscc: demoUscc('440300', 'MA5F1G2H3'), name: '深圳福田精密仪器有限公司', legalRepresentative: '黄磊', registeredCapital: '3000万元人民币', orgType: '有限责任公司', address: '深圳市福田区深南大道6008号', regionCode: '440304', establishedOn: '2010-04-12' },
  { uscc: demoUscc('440300', 'MA5K4L5M6'), name: '深圳宝安共享智造平台有限公司', legalRepresentative: '郑洁', registeredCapital: '5000万元人民币', orgType: '有限责任公司', address: '深圳市宝安区新安街道宝安大道4018号', regionCode: '440306', establishedOn: '2017-08-08' },
  { uscc: demoUscc('440300', 'MA5N7P8Q9'), name: '深圳南山工业设计服务有限公司', legalRepresentative: '吴昊', registeredCapital: '1500万元人民币', orgType: '有限责任公司', address: '深圳市南山区粤海街道科苑路15号', regionCode: '440305', establishedOn: '2014-03-03' },
].map((r) => ({ ...r, businessStatus: '存续' }));

export interface DemoResult {
  banner: string;
}

/** Creates the demo round, registry entries and accounts on an empty database; does nothing otherwise. */
export async function seedDemo(ctx: AppContext): Promise<DemoResult | null> {
  const [{ n } = { n: 0 }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(rounds);
  if (n > 0) return null;
  const now = ctx.now();
  const closes = new Date(now.getTime() + 40 * 86400_000);
  const [round] = await ctx.db.insert(rounds).values({
    code: 'N3',
    name: '第三批服务型制造示范遴选',
    year: now.getFullYear(),
    organiserRegion: COUNTRY_CODE,
    status: 'open',
    fillingOpensAt: new Date(now.getTime() - 7 * 86400_000),
    fillingClosesAt: closes,
    config: THIRD_NATIONAL_ROUND,
  }).returning();
  await ctx.db.insert(registryEntries).values(DEMO_REGISTRY).onConflictDoNothing();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const addApplicant = async (mobile: string) => {
    const [u] = await ctx.db.insert(users).values({ role: 'applicant', mobileEnc: ctx.personalData.protect(mobile), mobileIndex: ctx.personalData.blindIndex(mobile), passwordHash }).returning();
    return u!;
  };
  await addApplicant('13800000001');

  // 13800000002: certified (苏州), with contact, a half-filled enterprise application.
  const drafter = await addApplicant('13800000002');
  const draftOrg = await certifyDemo(ctx, drafter.id, DEMO_REGISTRY[4]!, { name: '周敏', position: '战略发展部经理', mobile: '13900000002', email: 'zhoumin@example.cn' });
  const full = sampleApplicationData('enterprise', { round: THIRD_NATIONAL_ROUND, subType: null });
  await ctx.db.insert(applications).values({
    roundId: round!.id,
    organisationId: draftOrg.id,
    category: 'enterprise',
    regionCode: draftOrg.regionCode!,
    data: { mainBusiness: full.mainBusiness, industry: full.industry, indicators: full.indicators },
    version: 3,
  });

  // 13800000003: certified (深圳), submitted enterprise application with its files and a number.
  const submitter = await addApplicant('13800000003');
  const subOrg = await certifyDemo(ctx, submitter.id, DEMO_REGISTRY[0]!, { name: '陈晓', position: '总经理办公室主任', mobile: '13900000003', email: 'chenxiao@example.cn' });
  const [app] = await ctx.db
    .insert(applications)
    .values({ roundId: round!.id, organisationId: subOrg.id, category: 'enterprise', regionCode: subOrg.regionCode!, data: full, version: 1 })
    .returning();
  await storeDemoFile(ctx, app!.id, 'narrative', '服务型制造示范企业说明材料.docx', 'docx', makeDocx('深圳智造装备股份有限公司服务型制造示范企业申报说明材料'));
  await storeDemoFile(ctx, app!.id, 'supporting', '2020年度审计报告.pdf', 'pdf', await makePdf('Audit report 2020'));
  const submitted = await submitApplication(ctx, { id: submitter.id, role: 'applicant', regionCode: null, ip: null }, app!.id, { idempotencyKey: 'demo-seed-submit' });

  // Three more submitted Shenzhen applications, so the district, city and province authorities have work.
  const more: [string, number, 'enterprise' | 'platform', string | null, string][] = [
    ['13800000004', 6, 'enterprise', null, '黄晓明'],
    ['13800000005', 7, 'platform', 'shared', '郑小洁'],
    ['13800000006', 8, 'enterprise', null, '吴小昊'],
  ];
  const moreNumbers: string[] = [];
  const shenzhen: { userId: string; orgId: string; regIndex: number }[] = [{ userId: submitter.id, orgId: subOrg.id, regIndex: 0 }];
  for (const [mobile, regIndex, category, subType, contactName] of more) {
    const user = await addApplicant(mobile);
    const reg = DEMO_REGISTRY[regIndex]!;
    const org = await certifyDemo(ctx, user.id, reg, { name: contactName, position: '经理', mobile: `139${mobile.slice(3)}`, email: `demo${mobile.slice(-2)}@example.cn` });
    const [a] = await ctx.db
      .insert(applications)
      .values({ roundId: round!.id, organisationId: org.id, category, subType, regionCode: org.regionCode!, data: sampleApplicationData(category, { round: THIRD_NATIONAL_ROUND, subType }, regIndex), version: 1 })
      .returning();
    await storeDemoFile(ctx, a!.id, 'narrative', `${reg.name}说明材料.docx`, 'docx', makeDocx(`${reg.name}申报说明材料`));
    await storeDemoFile(ctx, a!.id, 'supporting', '审计报告.pdf', 'pdf', await makePdf('Audit report'));
    moreNumbers.push((await submitApplication(ctx, { id: user.id, role: 'applicant', regionCode: null, ip: null }, a!.id, { idempotencyKey: `demo-seed-${mobile}` })).number);
    if (category === 'enterprise') shenzhen.push({ userId: user.id, orgId: org.id, regIndex });
  }

  // Applications recommended up to the ministry and its expert pool: expert review to publication.
  const stage45Lines = await seedStage45(ctx, round!.id);

  // A municipal round where districts review first (区县初审 → 市级推荐), as Dalian and Shanghai run theirs.
  const [cityRound] = await ctx.db
    .insert(rounds)
    .values({
      code: 'SZ1',
      name: '深圳市服务型制造示范培育遴选（区县初审）',
      year: now.getFullYear(),
      organiserRegion: '440300',
      status: 'open',
      fillingOpensAt: new Date(now.getTime() - 7 * 86400_000),
      fillingClosesAt: closes,
      config: {
        ...THIRD_NATIONAL_ROUND,
        categories: ['enterprise', 'platform', 'project'],
        reviewLevels: ['district', 'city'],
        quotas: [
          { category: 'enterprise', max: 2 },
          { category: 'platform', subType: 'shared', max: 1 },
          { category: 'platform', subType: 'other', max: 1 },
          { category: 'project', max: 1 },
        ],
      },
    })
    .returning();
  for (const { userId, orgId, regIndex } of shenzhen) {
    const reg = DEMO_REGISTRY[regIndex]!;
    const [a] = await ctx.db
      .insert(applications)
      .values({ roundId: cityRound!.id, organisationId: orgId, category: 'enterprise', regionCode: reg.regionCode, data: sampleApplicationData('enterprise', { round: THIRD_NATIONAL_ROUND, subType: null }, regIndex + 20), version: 1 })
      .returning();
    await storeDemoFile(ctx, a!.id, 'narrative', `${reg.name}说明材料.docx`, 'docx', makeDocx(`${reg.name}申报说明材料`));
    await storeDemoFile(ctx, a!.id, 'supporting', '审计报告.pdf', 'pdf', await makePdf('Audit report'));
    await submitApplication(ctx, { id: userId, role: 'applicant', regionCode: null, ip: null }, a!.id, { idempotencyKey: `demo-seed-sz1-${a!.id}` });
  }

  const lines = [
    '演示数据已创建 / demo data created',
    `  申报主体（已注册，未认证）: 13800000001 / ${DEMO_PASSWORD}`,
    `  申报主体（已认证，申报书填写中）: 13800000002 / ${DEMO_PASSWORD}`,
    `  申报主体（已提交，申报编号 ${submitted.number}）: 13800000003 / ${DEMO_PASSWORD}`,
    `  申报主体（已提交，深圳）: 13800000004、13800000005、13800000006 / ${DEMO_PASSWORD}（${moreNumbers.join('、')}）`,
    '  可认证的演示单位（工商库，输入名称后回车）: ' + DEMO_REGISTRY.slice(1, 4).map((r) => r.name).join('、') + '、' + DEMO_REGISTRY[5]!.name,
    `  深圳市培育遴选（区县初审→市级）: ${shenzhen.length}份已提交（南山区、福田区），南山区账号 ns_gxj 可截止、审核、推荐`,
    '  短信验证码发件箱: /outbox',
  ];
  lines.push(...(await seedAuthorities(ctx)), ...stage45Lines);
  // After the authorities: the ministry's account prepared its decisions and notice.
  lines.push(...(await seedFinishedRound(ctx)));
  return { banner: lines.join('\n') };
}

/** A certified organisation from a registry entry, with its contact person (personal data protected). */
export async function certifyDemo(ctx: AppContext, userId: string, reg: (typeof DEMO_REGISTRY)[number], contact: { name: string; position: string; mobile: string; email: string }) {
  const [org] = await ctx.db
    .insert(organisations)
    .values({
      userId,
      entry: 'enterprise',
      uscc: reg.uscc,
      name: reg.name,
      regionCode: reg.regionCode,
      registry: { legalRepresentative: reg.legalRepresentative, registeredCapital: reg.registeredCapital, orgType: reg.orgType, address: reg.address, establishedOn: reg.establishedOn, businessStatus: reg.businessStatus },
      certifiedAt: ctx.now(),
      contact: { name: contact.name, position: contact.position, mobileEnc: ctx.personalData.protect(contact.mobile), emailEnc: ctx.personalData.protect(contact.email) },
    })
    .returning();
  return org!;
}

/** Puts a file through the real FileStore, as a finished upload would be (demo data and tests). */
export async function storeDemoFile(ctx: AppContext, applicationId: string, slot: string, name: string, kind: string, bytes: Buffer) {
  const storageKey = await ctx.files.put(bytes);
  const now = ctx.now();
  const [row] = await ctx.db
    .insert(files)
    .values({ applicationId, slot, originalName: name, size: bytes.length, kind, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), storageKey, uploadStartedAt: now, createdAt: now })
    .returning();
  return row!;
}
