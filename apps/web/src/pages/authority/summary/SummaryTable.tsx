import { Alert, Table, type TableColumnsType } from 'antd';
import type { Category } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { useEffect } from 'react';
import { authorityApi, type Summary, type SummaryRow } from '../api';

interface Props {
  roundId: string;
  category: Category;
  subType: string | null;
  /** Tells the page the heading values (authority, preparer, phone) once loaded. */
  onLoaded?: (s: Summary) => void;
}

const modesText = (m: SummaryRow['modes']) => m.join('、');

/** One group's 推荐汇总表 in recommendation order, with the columns of the paper table. */
export function SummaryTable({ roundId, category, subType, onLoaded }: Props) {
  const req = useRequest((signal) => authorityApi.summary(roundId, category, subType, signal), [roundId, category, subType]);
  useEffect(() => {
    if (req.data) onLoaded?.(req.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [req.data]);
  const columns: TableColumnsType<SummaryRow> = [
    { title: '序号', dataIndex: 'seq', width: 60, align: 'center' },
    { title: category === 'city' || category === 'district' ? '城市名称' : '申报单位名称', dataIndex: 'organisationName', render: (v: string) => <span data-testid="summary-name">{v}</span> },
    ...(category === 'city' ? [{ title: '类别', dataIndex: 'subTypeLabel', width: 140 }] : []),
    ...(category === 'platform' ? [{ title: '平台类型', dataIndex: 'serviceKind', width: 140 }] : []),
    ...(category === 'city' || category === 'district' ? [] : [{ title: '示范模式', dataIndex: 'modes', render: modesText }]),
    { title: '联系人', dataIndex: 'contactName', width: 90 },
    { title: '联系电话', dataIndex: 'contactMobile', width: 130 },
    { title: '电子邮箱', dataIndex: 'contactEmail', width: 190 },
  ];
  if (req.error) return <Alert type="error" showIcon title={req.error.message} />;
  return (
    <Table<SummaryRow>
      size="small"
      rowKey="applicationId"
      loading={req.loading}
      columns={columns}
      dataSource={req.data?.rows ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本类暂无推荐' }}
      data-testid="summary-table"
    />
  );
}
