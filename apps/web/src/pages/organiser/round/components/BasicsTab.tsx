import { Col, DatePicker, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import type { OrganiserRoundView } from '@fw/shared';
import { formatInstant } from '../../rounds/roundText';

/** 基本信息: name, code, year, filling period, paper copies. */
export function BasicsTab({ round, codeLocked }: { round: OrganiserRoundView; codeLocked: boolean }) {
  return (
    <>
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item name="name" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }, { min: 2, message: '批次名称至少2个字' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="code"
            label="批次代码"
            tooltip={codeLocked ? '已有申报书，批次代码不能修改（申报编号中含有批次代码）' : '1至8位大写字母或数字，用于申报编号'}
            rules={[{ required: true, message: '请填写批次代码' }, { pattern: /^[A-Za-z0-9]{1,8}$/, message: '1至8位字母或数字' }]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={8} disabled={codeLocked} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item name="filling" label="填报时间（开始 至 截止）" rules={[{ required: true, message: '请选择填报开始和截止时间' }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="paperCopies" label="纸质申报书份数" tooltip="各地报送的纸质申报书（一式几份）">
            <InputNumber min={1} max={10} style={{ width: '100%' }} placeholder="不要求" />
          </Form.Item>
        </Col>
      </Row>
      <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
        <Descriptions.Item label="组织单位">{round.organiserName ?? round.organiserRegion}</Descriptions.Item>
        <Descriptions.Item label="创建时间">{formatInstant(round.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="申报书">
          已开始 {round.started} 份，已提交 {round.submitted} 份
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
