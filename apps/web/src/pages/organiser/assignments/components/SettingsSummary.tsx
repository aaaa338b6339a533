import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { AssignmentListResponse } from '@fw/shared';

/** The round's review settings the run uses, and where to change them. */
export function SettingsSummary({ roundId, list }: { roundId: string; list: AssignmentListResponse }) {
  const s = list.settings;
  const holding = list.applications.reduce((n, a) => n + a.active, 0);
  const short = list.applications.filter((a) => a.active < a.needed).length;
  const activeExperts = list.experts.filter((e) => e.active).length;
  return (
    <Descriptions
      size="small"
      bordered
      column={4}
      data-testid="settings-summary"
      items={[
        { key: 'per', label: '每份申报书专家数', children: `${s.perApplication} 位` },
        { key: 'max', label: '每位专家上限', children: `${s.maxPerExpert} 份` },
        { key: 'region', label: '地区回避', children: s.sameRegionLabel },
        { key: 'edit', label: '设置', children: <Link to={`/organiser/rounds/${roundId}`}>修改评审设置</Link> },
        { key: 'apps', label: '到达本级的申报书', children: `${list.applications.length} 份` },
        { key: 'experts', label: '在用专家', children: <Link to="/organiser/experts">{activeExperts} 位（专家库）</Link> },
        { key: 'holding', label: '已分配任务', children: `${holding} 项` },
        { key: 'short', label: '尚缺专家', children: short ? <Typography.Text type="danger">{short} 份申报书</Typography.Text> : '无' },
      ]}
    />
  );
}
