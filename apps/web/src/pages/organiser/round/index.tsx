import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { OrganiserRoundView } from '@fw/shared';
import { ApiError } from '../../../api/client';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { organiserRoundsApi } from '../rounds/api';
import { formatInstant } from '../rounds/roundText';
import { RoundStatusTag } from '../rounds/components/RoundStatusTag';
import { formFieldName, tabOf, toFormValues, toUpdateBody, type RoundFormValues } from './formModel';
import { BasicsTab } from './components/BasicsTab';
import { CategoriesTab } from './components/CategoriesTab';
import { QuotasTab } from './components/QuotasTab';
import { StagesTab } from './components/StagesTab';
import { ReviewTab } from './components/ReviewTab';
import { StageLinks } from './components/StageLinks';
import { NextStepButton } from './components/NextStepButton';
import '../../authority/authority.css';

/** /organiser/rounds/:roundId — the round's settings, its next status step and links to its stage pages. */
export default function OrganiserRoundPage() {
  const { roundId = '' } = useParams();
  const req = useRequest((signal) => organiserRoundsApi.get(roundId, signal), [roundId]);
  const [round, setRound] = useState<OrganiserRoundView>();
  useEffect(() => setRound(req.data), [req.data]);

  if (!round) return req.error ? <Alert type="error" showIcon title={req.error.message} action={<Link to="/organiser/rounds">返回批次列表</Link>} /> : <PageLoading />;
  return <RoundSettings key={`${round.id}:${round.status}`} round={round} onSaved={setRound} />;
}

function RoundSettings({ round, onSaved }: { round: OrganiserRoundView; onSaved: (r: OrganiserRoundView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundFormValues>();
  const [tab, setTab] = useState('basics');
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const locked = !!round.configLock;
  const published = round.status === 'published';

  const save = async () => {
    let values: RoundFormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setTab(tabOf(first.name));
      return;
    }
    setSaving(true);
    try {
      const saved = await organiserRoundsApi.update(round.id, toUpdateBody(values, round));
      message.success('批次设置已保存');
      setDirty(false);
      form.setFieldsValue(toFormValues(saved));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        const fields = Object.entries(e.fields).map(([path, msg]) => ({ name: formFieldName(path), errors: [msg] }));
        form.setFields(fields as never);
        setTab(tabOf(fields[0]!.name));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="authority-page" data-testid="round-settings">
      <div className="authority-head">
        <Space align="baseline" wrap>
          <Link to="/organiser/rounds" aria-label="返回批次列表">
            <ArrowLeftOutlined />
          </Link>
          <h1 className="page-title">{round.name}</h1>
          <RoundStatusTag status={round.status} />
          <Typography.Text type="secondary">
            代码 {round.code} · 填报 {formatInstant(round.fillingOpensAt)} 至 {formatInstant(round.fillingClosesAt)}
          </Typography.Text>
        </Space>
        <Space>
          <NextStepButton round={round} dirty={dirty} onMoved={onSaved} />
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={published} onClick={() => void save()} data-testid="save-round">
            保存设置
          </Button>
        </Space>
      </div>
      {round.next?.blocker && !published ? <Alert className="authority-alert" type="info" showIcon title={`${round.next.status === 'published' ? '发布结果' : '下一步'}：${round.next.blocker}`} /> : null}
      {round.configLock ? <Alert className="authority-alert" type="warning" showIcon title={round.configLock} /> : null}
      {published ? <Alert className="authority-alert" type="success" showIcon title="本批次已发布，设置不能再修改。" /> : null}
      <Card style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={toFormValues(round)} disabled={published} onValuesChange={() => setDirty(true)} requiredMark={false}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'basics', label: '基本信息', forceRender: true, children: <BasicsTab round={round} codeLocked={locked} /> },
              { key: 'categories', label: '类别与模式', forceRender: true, children: <CategoriesTab locked={locked} /> },
              { key: 'quotas', label: '审核层级与名额', forceRender: true, children: <QuotasTab /> },
              { key: 'stages', label: '阶段日期', forceRender: true, children: <StagesTab /> },
              { key: 'review', label: '专家评审', forceRender: true, children: <ReviewTab /> },
            ]}
          />
        </Form>
      </Card>
      <StageLinks roundId={round.id} />
    </div>
  );
}
