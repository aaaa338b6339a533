import { DECISION_LABELS, type DecisionLimits, type DecisionPreview, type RankingGroup } from '@fw/shared';

export interface DecisionForPreview {
  applicationId: string;
  decision: 'selected' | 'not_selected';
}

/**
 * The preview before release: per ranking group the counts and the selected names, checked against the
 * organiser's maximum per group. Errors block the release (over the limit, nothing prepared, applications
 * without a decision); warnings are shown and do not (selected without scores or with outliers, reviews
 * still missing, wide disagreement).
 */
export function buildPreview(groups: readonly RankingGroup[], decisions: readonly DecisionForPreview[], limits: DecisionLimits): DecisionPreview {
  const byApp = new Map(decisions.map((d) => [d.applicationId, d.decision]));
  const errors: string[] = [];
  const warnings: string[] = [];
  const previews = groups.map((g) => {
    const selectedRows = g.rows.filter((r) => byApp.get(r.applicationId) === 'selected');
    const notSelected = g.rows.filter((r) => byApp.get(r.applicationId) === 'not_selected').length;
    const undecided = g.rows.length - selectedRows.length - notSelected;
    const limit = limits[g.key] ?? null;
    const overLimit = limit !== null && selectedRows.length > limit;
    if (overLimit) errors.push(`${g.title}：${DECISION_LABELS.selected}${selectedRows.length}个，超过上限${limit}个`);
    if (undecided > 0) errors.push(`${g.title}：${undecided}个申报尚未作出决定`);
    for (const r of selectedRows) {
      if (r.count === 0) warnings.push(`${g.title}：${r.name}尚无专家评分却拟入选`);
      else if (r.submitted < r.assigned) warnings.push(`${g.title}：${r.name}的评审尚未全部提交（${r.submitted}/${r.assigned}）`);
      if (r.outliers.length) warnings.push(`${g.title}：${r.name}有${r.outliers.length}个异常评分`);
      if (r.highSpread) warnings.push(`${g.title}：${r.name}的专家评分分歧较大`);
    }
    const unscored = g.rows.filter((r) => r.count === 0).length;
    if (unscored) warnings.push(`${g.title}：${unscored}个申报尚无专家评分`);
    return {
      key: g.key,
      title: g.title,
      selected: selectedRows.length,
      notSelected,
      undecided,
      limit,
      overLimit,
      selectedNames: [...selectedRows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).map((r) => r.name),
    };
  });
  if (decisions.length === 0) errors.push('尚未拟定入选名单');
  for (const key of Object.keys(limits)) {
    if (!groups.some((g) => g.key === key)) warnings.push(`上限中的类别${key}没有进入评审的申报`);
  }
  const totalSelected = previews.reduce((s, p) => s + p.selected, 0);
  const totalNotSelected = previews.reduce((s, p) => s + p.notSelected, 0);
  return { groups: previews, totalSelected, totalNotSelected, errors, warnings, canRelease: errors.length === 0 };
}
