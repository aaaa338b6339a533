import { Checkbox, Col, DatePicker, Form, InputNumber, Row, Select } from 'antd';
import { CATEGORIES, CATEGORY_LABELS, FORM_VERSION_LABELS, FORM_VERSIONS } from '@fw/shared';

/** 类别与模式: categories, modes, the form version and the eligibility thresholds. */
export function CategoriesTab({ locked }: { locked: boolean }) {
  const modes = (Form.useWatch('modes') as string[] | undefined) ?? [];
  return (
    <>
      <Form.Item name="categories" label="遴选类别" rules={[{ required: true, message: '请至少选择一个类别' }]}>
        <Checkbox.Group disabled={locked} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="modes" label="服务型制造模式" tooltip="申报书中可选的模式，按通知顺序；输入后回车可添加" rules={[{ required: true, message: '请至少填写一个模式' }]}>
        <Select mode="tags" disabled={locked} tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} placeholder="输入模式名称后回车" />
      </Form.Item>
      <Row gutter={24}>
        <Col span={8}>
          <Form.Item name="sharedMode" label="共享制造模式" tooltip="共享制造类平台和示范项目必须选择的模式">
            <Select disabled={locked} options={modes.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="formVersion" label="申报书版本" tooltip="已有申报书后不能更改：申报书保持填写时的表单">
            <Select disabled={locked} options={FORM_VERSIONS.map((v) => ({ value: v, label: FORM_VERSION_LABELS[v] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="firstIndicatorYear" label="指标年度（连续三年的第一年）" rules={[{ required: true, message: '请填写指标年度' }]}>
            <InputNumber disabled={locked} min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={24}>
        <Col span={8}>
          <Form.Item name="noViolationSince" label="无重大事故和违法违规起算日" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="minServiceShare" label="企业服务收入占比不低于（%）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="minPlatformYears" label="平台运营不少于（年）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={50} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
