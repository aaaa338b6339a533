import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Typography } from 'antd';
import type { RegistryRecord } from '@fw/shared';
import { useNarrow } from '../../../../components/useNarrow';
import { isApiError } from '../../../../api/client';
import { certify, lookupRegistry } from '../api';
import { REGION_LOCK_NOTICE, registryItems } from './fields';

/** Enterprise certification: look the unit up in the business registry, check the data, confirm. */
export function EnterpriseCertify({ onCertified }: { onCertified: () => void }) {
  const narrow = useNarrow();
  const [record, setRecord] = useState<RegistryRecord>();
  const [problem, setProblem] = useState<string>();
  const [searching, setSearching] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<string>();

  const search = async (raw: string) => {
    const q = raw.trim();
    setProblem(undefined);
    if (q.length < 2) {
      setProblem('请输入单位全称或统一社会信用代码');
      return;
    }
    setSearching(true);
    setRecord(undefined);
    setSubmitProblem(undefined);
    try {
      setRecord(await lookupRegistry(q));
    } catch (e) {
      setProblem(isApiError(e) ? e.message : '查询失败，请稍后再试');
    } finally {
      setSearching(false);
    }
  };

  const submit = async () => {
    if (!record) return;
    setSubmitting(true);
    setSubmitProblem(undefined);
    try {
      await certify({ entry: 'enterprise', uscc: record.uscc });
      onCertified();
    } catch (e) {
      // Also kept next to the button: the toast fades, and the reason (e.g. taken by another account) matters.
      setSubmitProblem(isApiError(e) ? e.message : '认证失败，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title="单位认证（企业类）">
      <Typography.Paragraph type="secondary">
        请输入工商注册的单位全称或18位统一社会信用代码，按回车键查询，系统将自动导入工商登记信息。
      </Typography.Paragraph>
      <Input.Search
        size="large"
        placeholder="单位全称或统一社会信用代码"
        enterButton="查询"
        loading={searching}
        maxLength={100}
        onSearch={(v) => void search(v)}
        aria-label="单位全称或统一社会信用代码"
        data-testid="registry-search"
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="registry-problem" />}
      {record && (
        <div style={{ marginTop: 20 }} data-testid="registry-record">
          <Descriptions
            title="工商登记信息"
            bordered
            column={{ xs: 1, sm: 1, md: 2 }}
            size={narrow ? 'small' : 'middle'}
            items={registryItems(record)}
          />
          <Alert type="warning" showIcon title={REGION_LOCK_NOTICE} style={{ margin: '16px 0' }} />
          {submitProblem && <Alert type="error" showIcon title={submitProblem} style={{ marginBottom: 16 }} data-testid="certify-problem" />}
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" size="large" loading={submitting} onClick={() => void submit()}>
              确认并提交认证
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
