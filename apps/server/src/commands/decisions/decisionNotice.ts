import { categoryTitle, DECISION_LABELS, type Category, type Decision } from '@fw/shared';

/** The in-app text of an outcome (Chinese), and the parameters an SMS template gets. */
export function decisionNotice(o: { roundName: string; organisationName: string; category: string; subType: string | null; decision: Decision }) {
  const what = categoryTitle(o.category as Category, o.subType);
  const outcome = DECISION_LABELS[o.decision];
  const body =
    o.decision === 'selected'
      ? `${o.organisationName}申报的“${what}”经专家评审和组织单位研究，${outcome}${o.roundName}拟入选名单。名单将按程序公示，最终结果以正式发布为准。`
      : `${o.organisationName}申报的“${what}”经专家评审和组织单位研究，${outcome}${o.roundName}。感谢您的参与。`;
  return {
    kind: o.decision === 'selected' ? 'decision_selected' : 'decision_not_selected',
    title: `${o.roundName}：${outcome}`,
    body,
    params: { round: o.roundName, outcome },
  };
}

/** The SMS template variables of a notification kind (what the provider's approved template takes). */
export function noticeParams(kind: string, roundName: string): Record<string, string> {
  if (kind === 'decision_selected') return { round: roundName, outcome: DECISION_LABELS.selected };
  if (kind === 'decision_not_selected') return { round: roundName, outcome: DECISION_LABELS.not_selected };
  return { round: roundName };
}
