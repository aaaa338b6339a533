import { Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { AGGREGATE_DEFAULTS, RANK_METHOD_LABELS, RANK_METHODS, REVIEW_DEFAULTS, SAME_REGION_RULE_LABELS, SAME_REGION_RULES } from '@fw/shared';

/** 专家评审: experts per application, per-expert cap, same-region exclusion, ranking score. */
export function ReviewTab() {
  return (
    <>
      <Typography.Paragraph type="secondary">不填则用默认值；评分标准按类别使用默认细则。</Typography.Paragraph>
      <Row gutter={24}>
        <Col span={6}>
          <Form.Item name={['review', 'perApplication']} label="每份申报书的评审专家数">
            <InputNumber min={1} max={50} style={{ width: '100%' }} placeholder={`默认 ${REVIEW_DEFAULTS.perApplication}`} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['review', 'maxPerExpert']} label="每位专家最多评审（份）">
            <InputNumber min={1} max={10000} style={{ width: '100%' }} placeholder={`默认 ${REVIEW_DEFAULTS.maxPerExpert}`} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['review', 'sameRegionExcluded']} label="同地区回避">
            <Select allowClear placeholder={SAME_REGION_RULE_LABELS[REVIEW_DEFAULTS.sameRegionExcluded]} options={SAME_REGION_RULES.map((r) => ({ value: r, label: SAME_REGION_RULE_LABELS[r] }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['review', 'rankBy']} label="排名依据">
            <Select allowClear placeholder={`默认：${RANK_METHOD_LABELS[AGGREGATE_DEFAULTS.rankBy]}`} options={RANK_METHODS.map((m) => ({ value: m, label: RANK_METHOD_LABELS[m] }))} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
