import type { ManualOverride, OverrideLogEntry } from './assignment.js';
import { EXCLUDED, hasRoom, place, type AssignmentState } from './assignmentState.js';
import type { ConflictMap } from './conflicts.js';

/**
 * The organiser's decisions, applied before anything automatic. For the same pair only the latest
 * counts; each decision gets a log line saying what it did (kept in the audit log by the caller).
 */
export function applyOverrides(
  s: AssignmentState,
  overrides: readonly ManualOverride[],
  index: { application: Map<string, number>; expert: Map<string, number> },
  conflicts: ConflictMap | undefined,
): OverrideLogEntry[] {
  const latest = new Map<string, number>();
  overrides.forEach((o, i) => latest.set(`${o.applicationId}\u0000${o.expertId}`, i));
  return overrides.map((override, i): OverrideLogEntry => {
    const a = index.application.get(override.applicationId);
    const e = index.expert.get(override.expertId);
    const skip = (note: string): OverrideLogEntry => ({ override, applied: false, note, conflicts: [] });
    if (a === undefined) return skip('申报书不在本次分配范围内，调整未生效');
    if (e === undefined) return skip('专家不在本次专家名单中，调整未生效');
    if (latest.get(`${override.applicationId}\u0000${override.expertId}`) !== i) return skip('已被之后的调整取代');
    if (override.action === 'exclude') {
      s.blocked[a * s.E + e] |= EXCLUDED;
      return { override, applied: true, note: `已人工排除：${override.reason}`, conflicts: [] };
    }
    const overridden = conflicts?.get(override.applicationId)?.get(override.expertId) ?? [];
    const notes = [`已人工指定：${override.reason}`];
    if (overridden.length) notes.push(`组织单位确认忽略利益冲突（${overridden.map((c) => c.reason).join('；')}）`);
    if (!hasRoom(s, e)) notes.push('该专家已达评审上限，仍按人工指定分配');
    if (s.manual[a]!.size >= s.perApplication) notes.push('该申报书的人工指定专家已超过每份所需人数');
    place(s, a, e, true);
    s.manual[a]!.add(e);
    return { override, applied: true, note: notes.join('；'), conflicts: overridden };
  });
}
