import { Descriptions, Table, Tag, Typography } from 'antd';
import type { RoundTemplate } from '@fw/shared';
import { categoriesText, levelsText, quotaRows, stageRows } from '../roundText';

/** What a template brings: categories, modes, levels, quotas and the notice's dates. */
export function TemplatePreview({ template }: { template: RoundTemplate }) {
  const { config } = template;
  const quotas = quotaRows(config);
  return (
    <div data-testid="template-preview">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        依据：{template.source}
      </Typography.Paragraph>
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label="遴选类别" span={2}>
          {categoriesText(config)}
        </Descriptions.Item>
        <Descriptions.Item label="模式" span={2}>
          {config.modes.map((m) => (
            <Tag key={m} style={{ marginBottom: 4 }}>
              {m}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="审核推荐">{levelsText(config)}</Descriptions.Item>
        <Descriptions.Item label="纸质材料">{config.paperCopies ? `一式${config.paperCopies}份` : '—'}</Descriptions.Item>
        <Descriptions.Item label="无违法违规起算">{config.noViolationSince}</Descriptions.Item>
        <Descriptions.Item label="指标年度">{config.indicatorYears.join('、')}</Descriptions.Item>
        {config.excludedRegions?.length ? (
          <Descriptions.Item label="不参加的地区" span={2}>
            {config.excludedRegions.join('、')}
          </Descriptions.Item>
        ) : null}
        {stageRows(template).map((s) => (
          <Descriptions.Item key={s.label} label={s.label === '填报开始' || s.label === '填报截止' ? `通知${s.label}` : s.label}>
            {s.value}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Title level={5} style={{ margin: '12px 0 8px' }}>
        推荐名额
      </Typography.Title>
      {quotas.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={quotas}
          columns={[
            { title: '类别', dataIndex: 'kind' },
            { title: '名额上限', dataIndex: 'max', width: 90, align: 'right' },
            { title: '示范城市上限', dataIndex: 'maxForTitled', width: 110, align: 'right', render: (v: number | null) => v ?? '—' },
            { title: '限制层级', dataIndex: 'level', width: 90 },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">通知未设推荐名额</Typography.Text>
      )}
    </div>
  );
}
