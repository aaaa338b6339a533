import { useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Space, Tag, Typography } from 'antd';
import type { ExpertView } from '@fw/shared';
import { applyFieldErrors } from '../../../../forms/zodRule';
import { expertsApi } from '../api';
import { fromExpert, toUpdateBody, type ExpertFormValues } from '../formModel';
import { ExpertFormFields } from './ExpertFormFields';

/** 编辑专家: the whole profile in a drawer beside the list; the login name stays. */
export function EditExpertDrawer({ expert, fieldOptions, onClose }: { expert: ExpertView | null; fieldOptions: string[]; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (expert) form.setFieldsValue(fromExpert(expert));
  }, [expert, form]);

  const finish = async (values: ExpertFormValues) => {
    if (!expert) return;
    setSaving(true);
    try {
      await expertsApi.update(expert.id, toUpdateBody(values));
      message.success('已保存；已分配的评审任务不变，下次分配时按新信息回避');
      onClose(true);
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={!!expert}
      size={680}
      title={
        expert ? (
          <Space>
            编辑专家
            <Typography.Text type="secondary">{expert.username}</Typography.Text>
            {expert.active ? null : <Tag>已停用</Tag>}
          </Space>
        ) : null
      }
      onClose={() => onClose(false)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onClose(false)}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="edit-expert-save">
            保存
          </Button>
        </Space>
      }
    >
      {expert ? (
        <Form key={expert.id} form={form} layout="vertical" requiredMark={false} initialValues={fromExpert(expert)} onFinish={(v) => void finish(v)}>
          <ExpertFormFields form={form} issuing={false} fieldOptions={fieldOptions} mobileMasked={expert.mobileMasked} />
        </Form>
      ) : null}
    </Drawer>
  );
}
