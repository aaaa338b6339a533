import { Alert, Table, Tag } from 'antd';
import type { DecisionPreview } from '@fw/shared';

type GroupPreview = DecisionPreview['groups'][number];

/** What a release would publish: counts and names per category, the limit check, errors and warnings. */
export function PreviewPanel({ preview }: { preview: DecisionPreview }) {
  return (
    <div data-testid="decisions-preview">
      <Table<GroupPreview>
        size="small"
        rowKey="key"
        dataSource={preview.groups}
        pagination={false}
        columns={[
          { title: '类别', dataIndex: 'title', width: 180 },
          {
            title: '入选 / 上限',
            key: 'count',
            width: 130,
            render: (_: unknown, g) => (
              <span className={g.overLimit ? 'ranking-warn' : undefined}>
                {g.selected} / {g.limit ?? '不限'} {g.overLimit ? <Tag color="red">超出上限</Tag> : null}
              </span>
            ),
          },
          { title: '未入选', dataIndex: 'notSelected', width: 80, align: 'right' },
          { title: '未决定', dataIndex: 'undecided', width: 80, align: 'right', render: (v: number) => (v ? <span className="ranking-warn">{v}</span> : 0) },
          { title: '入选名单', dataIndex: 'selectedNames', render: (v: string[]) => (v.length ? v.join('、') : '—') },
        ]}
      />
      <div style={{ marginTop: 12, display: 'grid', gap: 8 }}>
        {preview.errors.map((e) => <Alert key={e} type="error" showIcon title={e} />)}
        {preview.warnings.length ? (
          <Alert type="warning" showIcon title={`请注意（${preview.warnings.length}项，不影响发布）`} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
        ) : null}
        {preview.canRelease ? <Alert type="success" showIcon title={`检查通过：入选${preview.totalSelected}个，未入选${preview.totalNotSelected}个`} /> : null}
      </div>
    </div>
  );
}
