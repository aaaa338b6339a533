import { Progress, Tooltip } from 'antd';
import type { QuotaUsage } from '../api';
import { groupLabel, quotaColor } from './labels';

/** One quota group: label, used/max in colour and a thin bar. */
export function QuotaBar({ quota, compact }: { quota: QuotaUsage; compact?: boolean }) {
  const color = quotaColor(quota.used, quota.max);
  const percent = quota.max > 0 ? Math.min(100, (quota.used / quota.max) * 100) : 100;
  return (
    <div className="quota-bar" data-testid={`quota-${quota.category}${quota.subType ? `-${quota.subType}` : ''}`}>
      <div className="quota-bar-head">
        <span className="quota-bar-label">{groupLabel(quota.category, quota.subType ?? null)}</span>
        <Tooltip title={`已推荐${quota.used}个，名额${quota.max}个`}>
          <span className="quota-bar-count" style={{ color }}>
            {quota.used}/{quota.max}
          </span>
        </Tooltip>
      </div>
      {compact ? null : <Progress percent={percent} showInfo={false} size="small" strokeColor={color} />}
    </div>
  );
}
