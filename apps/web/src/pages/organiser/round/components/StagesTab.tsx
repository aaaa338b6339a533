import { Col, DatePicker, Form, InputNumber, Row, Typography } from 'antd';

const DATE_FIELDS: { key: string; label: string; tip?: string }[] = [
  { key: 'contactsDue', label: '联系人反馈截止', tip: '各地主管部门报送联系人' },
  { key: 'recommendationDue', label: '地方推荐报送截止', tip: '推荐意见、汇总表和纸质申报书报送组织单位' },
  { key: 'reviewStartsOn', label: '专家评审开始' },
  { key: 'reviewEndsOn', label: '专家评审结束' },
  { key: 'inspectionEndsOn', label: '现场考察截止' },
  { key: 'noticeStartsOn', label: '公示开始' },
  { key: 'evaluationDue', label: '评估评价填报截止', tip: '已认定示范单位填报年度评估材料' },
  { key: 'evaluationExplanationDue', label: '书面说明报送截止', tip: '不能在线填报的示范单位报送书面说明' },
];

/** 阶段日期: after filling (the filling period is under 基本信息). */
export function StagesTab() {
  return (
    <>
      <Typography.Paragraph type="secondary">填报开始和截止时间在“基本信息”中设置；以下日期为北京时间的日期，可不填。</Typography.Paragraph>
      <Row gutter={24}>
        {DATE_FIELDS.map((f) => (
          <Col span={6} key={f.key}>
            <Form.Item name={['stages', f.key]} label={f.label} tooltip={f.tip}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col span={6}>
          <Form.Item name={['stages', 'noticeDays']} label="公示期（天）">
            <InputNumber min={1} max={60} style={{ width: '100%' }} placeholder="如 7" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
