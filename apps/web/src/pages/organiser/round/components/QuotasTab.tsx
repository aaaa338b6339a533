import { Button, Checkbox, Col, Form, InputNumber, Row, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CATEGORY_LABELS, CATEGORY_SUB_TYPES, LEVEL_LABELS, LEVELS, SUB_TYPE_LABELS, type Category, type Level } from '@fw/shared';
import type { QuotaValues } from '../formModel';

const regionTags = { mode: 'tags' as const, open: false, suffixIcon: null, tokenSeparators: [',', '，', ' '], placeholder: '输入6位地区代码后回车' };

/** 审核层级与推荐名额: who recommends to whom, and the quotas per category / sub-type with the level each caps. */
export function QuotasTab() {
  const form = Form.useFormInstance();
  const categories = (Form.useWatch('categories') as Category[] | undefined) ?? [];
  const levels = (Form.useWatch('reviewLevels') as Level[] | undefined) ?? [];
  const quotas = (Form.useWatch('quotas') as QuotaValues[] | undefined) ?? [];
  return (
    <>
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item name="reviewLevels" label="审核推荐层级（由低到高，最高一级为本单位）" rules={[{ required: true, message: '请选择审核层级' }]}>
            <Checkbox.Group options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="titledRegions" label="名额较多的示范城市" tooltip="已获评国家服务型制造示范城市的地市（如广东：示范城市名额较多）">
            <Select {...regionTags} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="excludedRegions" label="不参加本批次的地区" tooltip="如广东省批次不含深圳（深圳直接向工业和信息化部推荐）">
            <Select {...regionTags} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        推荐名额为上限，系统在推荐时强制执行。“限制层级”为名额所约束的推荐层级（如全国批次：各省向部推荐）；不选则各级推荐均受此限制。
      </Typography.Paragraph>
      <Form.List name="quotas">
        {(fields, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              data-testid="quota-table"
              locale={{ emptyText: '未设推荐名额（不限）' }}
              columns={[
                {
                  title: '类别',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'category']} noStyle rules={[{ required: true, message: '请选择类别' }]}>
                      <Select
                        style={{ width: '100%' }}
                        options={categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
                        onChange={() => form.setFieldValue(['quotas', f.name, 'subType'], '')}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '类型',
                  width: 200,
                  render: (_, f) => {
                    const subTypes = CATEGORY_SUB_TYPES[quotas[f.name]?.category as Category] ?? [];
                    return (
                      <Form.Item name={[f.name, 'subType']} noStyle>
                        <Select style={{ width: '100%' }} disabled={!subTypes.length} options={[{ value: '', label: '全部类型' }, ...subTypes.map((s) => ({ value: s, label: SUB_TYPE_LABELS[s] ?? s }))]} />
                      </Form.Item>
                    );
                  },
                },
                {
                  title: '名额上限',
                  width: 110,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'max']} noStyle rules={[{ required: true, message: '请填写名额' }]}>
                      <InputNumber min={0} max={999} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: '示范城市上限',
                  width: 120,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'maxForTitled']} noStyle>
                      <InputNumber min={0} max={999} style={{ width: '100%' }} placeholder="同上" />
                    </Form.Item>
                  ),
                },
                {
                  title: '限制层级',
                  width: 130,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'level']} noStyle>
                      <Select style={{ width: '100%' }} options={[{ value: '', label: '各级' }, ...levels.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))]} />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  width: 48,
                  render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(f.name)} />,
                },
              ]}
            />
            <Form.ErrorList errors={[]} />
            <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => add({ category: categories[0], subType: '', max: 1, maxForTitled: null, level: levels[levels.length - 2] ?? '' })}>
              添加名额
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
