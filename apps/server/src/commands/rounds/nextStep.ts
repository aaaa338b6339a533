import { isRoundStatus, ROUND_NEXT_STATUS, roundConfigProblems, type RoundStatus } from '@fw/shared';
import type { rounds } from '../../db/schema/index.js';

type RoundRow = typeof rounds.$inferSelect;

/** 2026年5月31日 23:59 (Beijing time). */
export function beijingTime(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  const hh = String(b.getUTCHours()).padStart(2, '0');
  const mm = String(b.getUTCMinutes()).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${hh}:${mm}`;
}

/**
 * The status a round may move to next and what still stops it (null: nothing): opening needs valid
 * settings and a filling period that has not ended; ending filling waits for the deadline (so nobody
 * loses the time the notice promised); publication happens on the notice page.
 */
export function roundNextStep(round: RoundRow, now: Date): { status: RoundStatus; blocker: string | null } | null {
  if (!isRoundStatus(round.status)) return null;
  const status = ROUND_NEXT_STATUS[round.status];
  if (!status) return null;
  return { status, blocker: blockerOf(round, status, now) };
}

function blockerOf(round: RoundRow, to: RoundStatus, now: Date): string | null {
  switch (to) {
    case 'open': {
      const problems = roundConfigProblems(round.config, round.organiserRegion, {
        fillingOpensAt: round.fillingOpensAt.toISOString(),
        fillingClosesAt: round.fillingClosesAt.toISOString(),
      });
      const first = Object.values(problems)[0];
      if (first) return `批次设置有误：${first}`;
      if (round.fillingClosesAt <= now) return `填报截止时间（${beijingTime(round.fillingClosesAt)}）已过，请先修改填报开始和截止时间`;
      return null;
    }
    case 'closed':
      return round.fillingClosesAt > now ? `填报截止时间（${beijingTime(round.fillingClosesAt)}）未到，不能结束填报；如需提前结束，请先修改填报截止时间` : null;
    case 'reviewing':
      return null;
    case 'published':
      // Publication makes the units demonstration units: the notice page does it (publishNotice), after the window.
      return '结果须在“公示与发布”中发布：公示期满、异议处理完毕后发布名单，本批次即为已发布';
    default:
      return null;
  }
}
