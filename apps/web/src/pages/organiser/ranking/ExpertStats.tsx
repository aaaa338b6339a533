import { Table, Tag } from 'antd';
import type { RankingExpert } from '@fw/shared';
import { score } from './format';

/** Per expert: how many sheets, their mean and spread (leniency shows here), and whether standardised. */
export function ExpertStats({ experts }: { experts: RankingExpert[] }) {
  return (
    <Table<RankingExpert>
      size="small"
      rowKey="expertId"
      dataSource={experts}
      pagination={false}
      columns={[
        { title: '专家', dataIndex: 'name' },
        { title: '已评', dataIndex: 'count', width: 80, align: 'right' },
        { title: '平均给分', dataIndex: 'mean', width: 100, align: 'right', render: (v: number) => score(v) },
        { title: '给分标准差', dataIndex: 'sd', width: 110, align: 'right', render: (v: number) => score(v) },
        { title: '标准化', dataIndex: 'standardised', width: 110, render: (v: boolean) => (v ? <Tag color="green">已标准化</Tag> : <Tag>评审数不足</Tag>) },
      ]}
      locale={{ emptyText: '尚无提交的评分' }}
    />
  );
}
