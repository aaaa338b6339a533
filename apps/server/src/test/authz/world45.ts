import { eq } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { demonstrationUnits, notifications, objections, reviewAssignments, roundDecisions, rounds } from '../../db/schema/index.js';
import { createNotice } from '../../commands/notice/createNotice.js';
import { lodgeObjection } from '../../commands/notice/lodgeObjection.js';
import { uploadInspectionFile } from '../../commands/inspections/uploadInspectionFile.js';
import { makePdf } from '../../services/documents/sampleDocuments.js';
import { makeExpert, makeInspection, makeReachedApplication } from '../factories/stage45.js';
import type { TestServer } from '../testServer.js';
import { REGION } from './roles.js';

/** Names no other row carries: finding one in an answer means it leaked. */
export const EXPERT_NAME = '甲库评审专家李明远';
export const OTHER_EXPERT_NAME = '甲库未分配专家周若兰';
export const OBJECTOR = { name: '乙地异议人孙伯阳', contact: '13700998877' };
export const INSPECTION_FILE = '乙地现场考察记录.pdf';
/** A demonstration unit of an earlier batch in district B: the territories above it manage it. */
/** An application of province B's own round, reviewed by an expert of province B's pool. */
export const LOCAL_NAME = '乙省自办批次保密申报单位';
export const UNIT_NAME = '乙地历史示范保密单位';
export const NOTIFICATION_BODY = '贵单位乙地保密申报已拟入选（测试通知）';

/** What stages 4–5 add to the world: expert review, a site inspection, decisions, the notice. */
export interface Stage45 {
  expertIds: { expertAssigned: string; expertOther: string; expertB: string; expertNoTotp: string; expertPending: string };
  /** expertAssigned's task on B's application: declared no conflict, a draft score. */
  assignmentId: string;
  /** The gated experts' tasks on B's application. */
  gatedTaskIds: string[];
  /** expertB's declared task in province B's round. */
  localTaskId: string;
  /** expertOther's own declared task, on another application of the round (paired with B's file, it must not open it). */
  otherTaskId: string;
  inspectionId: string;
  inspectionFileId: string;
  roundCode: string;
  objectionId: string;
  objectionReceipt: string;
  notificationId: string;
  unitId: string;
}

/**
 * B's application reached the ministry in the national round (the ministry organises it): assigned to an
 * expert of the ministry's pool, inspected, selected and released, on an open notice with an objection.
 */
export async function buildStage45(t: TestServer, o: { roundId: string; localRoundId: string; appId: string; ministry: Actor; ownerId: string }): Promise<Stage45> {
  const { ctx } = t;
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, o.roundId));
  const expertAssigned = await makeExpert(t, { name: EXPERT_NAME });
  const expertOther = await makeExpert(t, { name: OTHER_EXPERT_NAME });
  const expertB = await makeExpert(t, { poolRegion: REGION.provinceB, regionCode: '320106' });

  // The gated two hold declared tasks on B's application too: only their gate keeps them out.
  const expertNoTotp = await makeExpert(t, { totp: false });
  const expertPending = await makeExpert(t, { mustChangePassword: true });
  const [assignment, ...gated] = await ctx.db
    .insert(reviewAssignments)
    .values([expertAssigned, expertNoTotp, expertPending].map((e, i) => ({ roundId: o.roundId, applicationId: o.appId, expertId: e.user.id, noConflictDeclaredAt: ctx.now(), scores: i === 0 ? { profile: 3 } : null })))
    .returning();

  const otherApp = await makeReachedApplication(t, round!);
  const [localRound] = await ctx.db.select().from(rounds).where(eq(rounds.id, o.localRoundId));
  const localApp = await makeReachedApplication(t, localRound!, { regionCode: REGION.districtB, name: LOCAL_NAME });
  const [localTask] = await ctx.db
    .insert(reviewAssignments)
    .values({ roundId: o.localRoundId, applicationId: localApp.application.id, expertId: expertB.user.id, noConflictDeclaredAt: ctx.now() })
    .returning();
  const [otherTask] = await ctx.db
    .insert(reviewAssignments)
    .values({ roundId: o.roundId, applicationId: otherApp.application.id, expertId: expertOther.user.id, noConflictDeclaredAt: ctx.now() })
    .returning();

  const inspection = await makeInspection(t, { roundId: o.roundId, applicationId: o.appId, createdBy: o.ministry.id });
  const file = await uploadInspectionFile(ctx, o.ministry, { roundId: o.roundId, inspectionId: inspection.id, filename: INSPECTION_FILE, bytes: await makePdf('site visit') });

  await ctx.db.insert(roundDecisions).values({ roundId: o.roundId, applicationId: o.appId, decision: 'selected', rank: 1, preparedBy: o.ministry.id, releasedAt: ctx.now() });
  await createNotice(ctx, o.ministry, o.roundId, { title: '服务型制造示范拟入选名单公示' });
  const { receipt } = await lodgeObjection(ctx, round!.code, { text: '该单位申报材料中的营业收入数据与实际不符。', name: OBJECTOR.name, contact: OBJECTOR.contact }, '10.255.0.1');
  const [objection] = await ctx.db.select({ id: objections.id }).from(objections).limit(1);

  const [notification] = await ctx.db
    .insert(notifications)
    .values({ userId: o.ownerId, roundId: o.roundId, kind: 'decision_selected', title: '遴选结果通知', body: NOTIFICATION_BODY, status: 'released', releasedAt: ctx.now() })
    .returning();

  const [unit] = await ctx.db
    .insert(demonstrationUnits)
    .values({ name: UNIT_NAME, category: 'enterprise', regionCode: REGION.districtB, title: '服务型制造示范企业', batch: '第二批', year: 2021, source: 'imported' })
    .returning();

  return {
    unitId: unit!.id,
    expertIds: { expertAssigned: expertAssigned.user.id, expertOther: expertOther.user.id, expertB: expertB.user.id, expertNoTotp: expertNoTotp.user.id, expertPending: expertPending.user.id },
    gatedTaskIds: gated.map((g) => g.id),
    assignmentId: assignment!.id,
    otherTaskId: otherTask!.id,
    localTaskId: localTask!.id,
    inspectionId: inspection.id,
    inspectionFileId: file.id,
    roundCode: round!.code,
    objectionId: objection!.id,
    objectionReceipt: receipt,
    notificationId: notification!.id,
  };
}
