import { useState } from 'react';
import { Button, Form, Modal, Typography } from 'antd';
import { applyFieldErrors } from '../../../../forms/zodRule';
import { OneTimePassword } from '../../../accounts/components/OneTimePassword';
import { expertsApi } from '../api';
import { toIssueBody, type ExpertFormValues } from '../formModel';
import { ExpertFormFields } from './ExpertFormFields';

const EMPTY: Partial<ExpertFormValues> = { fields: [], categories: [], declaredConflicts: [], regionPath: [] };

/** 新增专家: the profile and a login name; the initial password is shown once, then never again. */
export function IssueExpertModal({ open, fieldOptions, onClose }: { open: boolean; fieldOptions: string[]; onClose: (issued: boolean) => void }) {
  const [form] = Form.useForm<ExpertFormValues>();
  const [saving, setSaving] = useState(false);
  const [issued, setIssued] = useState<{ name: string; username: string; password: string } | null>(null);

  const close = () => {
    const was = !!issued;
    setIssued(null);
    form.resetFields();
    onClose(was);
  };

  const finish = async (values: ExpertFormValues) => {
    setSaving(true);
    try {
      const res = await expertsApi.issue(toIssueBody(values));
      setIssued({ name: res.expert.name, username: res.expert.username ?? values.username ?? '', password: res.initialPassword });
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={issued ? '专家账号已开设' : '新增专家'}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={close} data-testid="issued-close">
            我已妥善保存，关闭
          </Button>
        ) : (
          <>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="issue-expert-submit">
              开设账号
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <>
          <Typography.Paragraph>
            专家：<strong>{issued.name}</strong>。专家首次登录时须绑定联系人、修改初始密码并绑定动态口令。
          </Typography.Paragraph>
          <OneTimePassword username={issued.username} password={issued.password} />
        </>
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} initialValues={EMPTY} onFinish={(v) => void finish(v)}>
          <ExpertFormFields form={form} issuing fieldOptions={fieldOptions} />
        </Form>
      )}
    </Modal>
  );
}
