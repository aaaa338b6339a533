import { useState } from 'react';
import { Alert, App, Button, Card, Form } from 'antd';
import { contactBody, type ContactBody } from '@fw/shared';
import { Navigate, useNavigate } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { ContactFields } from '../../../components/ContactFields';
import { PageLoading } from '../../../components/PageLoading';
import { applyFieldErrors } from '../../../forms/zodRule';
import { fetchOrganisation } from '../api';
import { OnboardingSteps } from '../components/OnboardingSteps';
import { saveContact } from './api';

const shape = contactBody.shape;

/** Step 3: who the authority calls about this application. */
export function ContactPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ContactBody>();
  const [saving, setSaving] = useState(false);
  const { data: org, loading, error } = useRequest((signal) => fetchOrganisation(signal), []);
  if (loading && org === undefined) return <PageLoading />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!org) return <Navigate to="/entry" replace />;
  if (!org.certifiedAt) return <Navigate to="/certify" replace />;

  const finish = async (v: ContactBody) => {
    setSaving(true);
    try {
      await saveContact(contactBody.parse(v));
      message.success('联系人信息已保存');
      navigate('/');
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <OnboardingSteps current={2} />
      <Card title="联系人信息">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 20 }}
          title={
            org.entry === 'city'
              ? '联系人为本级政府工业和信息化主管部门相关处室人员，用于申报期间有关问题的及时联系。'
              : '请认真填写联系人信息，用于申报期间有关问题的及时联系。'
          }
        />
        <Form form={form} layout="vertical" size="large" initialValues={org.contact ?? undefined} onFinish={(v) => void finish(v)}>
          <ContactFields
            name={{ name: 'name', schema: shape.name }}
            position={{ name: 'position', schema: shape.position }}
            mobile={{ name: 'mobile', schema: shape.mobile }}
            email={{ name: 'email', schema: shape.email }}
          />
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存联系人
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}
