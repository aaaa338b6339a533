import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useRequest } from '../../../api/useRequest';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { fetchChildRegions, issueAccount, issueForm, type IssueForm, type RegionOption } from '../api';
import { OneTimePassword } from './OneTimePassword';

interface Props {
  open: boolean;
  /** The issuer's region code ('000000' for the ministry) and its name path (e.g. 广东省 深圳市). */
  regionCode: string | null;
  regionName: string | null;
  onClose: (issued: boolean) => void;
}

/** The usual name of the authority of a region: 厅 for provinces, 局 below. */
function suggestedName(region: RegionOption, parentName: string | null): string {
  if (region.level === 'province') return `${region.name}工业和信息化厅`;
  const parent = region.level === 'district' ? (parentName?.split(' ').pop() ?? '') : '';
  return `${parent}${region.name}工业和信息化局`;
}

const shape = issueForm.shape;

/** 开设下级账号: choose a region directly below, a user name and the authority's name; the password is shown once. */
export function IssueAccountModal({ open, regionCode, regionName, onClose }: Props) {
  const [form] = Form.useForm<IssueForm>();
  const [submitting, setSubmitting] = useState(false);
  const [issued, setIssued] = useState<{ username: string; displayName: string | null; password: string } | null>(null);
  const regions = useRequest((signal) => (open ? fetchChildRegions(regionCode, signal) : Promise.resolve([])), [open, regionCode]);

  const close = () => {
    const wasIssued = !!issued;
    setIssued(null);
    form.resetFields();
    onClose(wasIssued);
  };

  const onRegion = (code: string) => {
    const region = regions.data?.find((r) => r.code === code);
    const current = form.getFieldValue('displayName') as string | undefined;
    const previous = regions.data?.map((r) => suggestedName(r, regionName)) ?? [];
    // Replace the name only while it is empty or still one of our own suggestions.
    if (region && (!current || previous.includes(current))) form.setFieldValue('displayName', suggestedName(region, regionName));
  };

  const finish = async (v: IssueForm) => {
    setSubmitting(true);
    try {
      const res = await issueAccount(issueForm.parse(v));
      setIssued({ username: res.account.username ?? v.username, displayName: res.account.displayName, password: res.initialPassword });
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={issued ? '账号已开设' : '开设下级账号'}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={close}>
            我已妥善保存，关闭
          </Button>
        ) : (
          <>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="issue-submit">
              开设账号
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <OneTimePassword username={issued.username} displayName={issued.displayName} password={issued.password} />
      ) : (
        <>
          {regions.error ? <Alert type="error" showIcon title={regions.error.message} style={{ marginBottom: 12 }} /> : null}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void finish(v)}>
            <Form.Item name="regionCode" label="所属地区（下一级行政区）" rules={[zodRule(shape.regionCode)]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择"
                loading={regions.loading}
                options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
                onChange={onRegion}
              />
            </Form.Item>
            <Form.Item name="username" label="登录账号" rules={[zodRule(shape.username)]} extra="4–32位小写字母、数字或下划线，如 sz_gxj；开设后不可修改">
              <Input maxLength={32} autoComplete="off" placeholder="如 sz_gxj" />
            </Form.Item>
            <Form.Item name="displayName" label="主管部门名称" rules={[zodRule(shape.displayName)]}>
              <Input maxLength={100} placeholder="如 深圳市工业和信息化局" />
            </Form.Item>
            <Form.Item name="contactName" label="联系人（选填）" rules={[zodRule(shape.contactName)]} extra="账号持有人首次登录时绑定联系人手机号">
              <Input maxLength={30} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
