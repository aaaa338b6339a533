import { Tag } from 'antd';
import type { AuthorityRound } from '../api';
import { formatDateTime } from '../../application/shared/format';

/** 已截止 (with the time) or 申报中, for the authority's own region. */
export function RoundStateTag({ round }: { round: AuthorityRound }) {
  return round.closed ? (
    <Tag color="red" data-testid="round-state">
      本地区已截止申报{round.closedAt ? `（${formatDateTime(round.closedAt).slice(0, 16)}）` : ''}
    </Tag>
  ) : (
    <Tag color="green" data-testid="round-state">
      申报中
    </Tag>
  );
}
