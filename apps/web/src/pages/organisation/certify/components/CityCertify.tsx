import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row } from 'antd';
import { certifyBody, usccSchema } from '@fw/shared';
import { isApiError } from '../../../../api/client';
import { applyFieldErrors, zodRule } from '../../../../forms/zodRule';
import { certify } from '../api';
import { REGION_LOCK_NOTICE } from './fields';
import { RegionCascader } from './RegionCascader';

interface CityValues {
  region: string[];
  uscc: string;
  name: string;
}

const cityShape = certifyBody.options[1].shape;

/** City certification: the government body chooses its city (or district) and gives its USCC. */
export function CityCertify({ onCertified }: { onCertified: () => void }) {
  const [form] = Form.useForm<CityValues>();
  const [submitting, setSubmitting] = useState(false);

  const finish = async (v: CityValues) => {
    const regionCode = v.region[v.region.length - 1] ?? '';
    setSubmitting(true);
    try {
      await certify({ entry: 'city', regionCode, uscc: v.uscc.trim().toUpperCase(), name: v.name.trim() });
      onCertified();
    } catch (e) {
      // The server names regionCode; the form calls the field region.
      if (isApiError(e) && e.fields.regionCode) form.setFields([{ name: 'region', errors: [e.fields.regionCode] }]);
      applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title="单位认证（城市类）">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 20 }}
        title="城市申报主体应为地级及以上城市人民政府（示范区为区人民政府）；联系人为本级政府工业和信息化主管部门相关处室人员。"
      />
      <Form form={form} layout="vertical" size="large" onFinish={(v) => void finish(v)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="region"
              label="所在城市（或区）"
              rules={[
                {
                  validator: async (_r, v: string[] | undefined) => {
                    if (!v || v.length < 2) throw new Error('请选择到地级市或区');
                  },
                },
              ]}
            >
              <RegionCascader />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="单位名称" rules={[zodRule(cityShape.name)]}>
              <Input placeholder="如：某某市人民政府" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="uscc" label="统一社会信用代码" rules={[zodRule(usccSchema)]} extra="机关单位的统一社会信用代码以11开头，共18位">
              <Input placeholder="18位统一社会信用代码" maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
        </Row>
        <Alert type="warning" showIcon title={REGION_LOCK_NOTICE} style={{ marginBottom: 16 }} />
        <div style={{ textAlign: 'right' }}>
          <Button type="primary" htmlType="submit" loading={submitting}>
            确认并提交认证
          </Button>
        </div>
      </Form>
    </Card>
  );
}
