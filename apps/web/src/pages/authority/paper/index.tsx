import { useRef, useState } from 'react';
import { Button, Card, Input, Table, Tag, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { authorityApi, type PaperCheck } from '../api';
import { PAPER_COLORS, PAPER_LABELS } from '../shared/labels';
import { formatDateTime } from '../../application/shared/format';
import '../authority.css';

interface Checked extends PaperCheck {
  at: string;
  key: number;
}

const VERDICT_CLASS: Record<PaperCheck['result'], string> = { matches: 'paper-matches', superseded: 'paper-superseded', unknown: 'paper-unknown' };

/** /authority/paper — 纸质材料核对: type the number or scan the QR code (the scanner types the URL and Enter). */
export function PaperCheckPage() {
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState<Checked[]>([]);
  const last = checks[0];

  const check = async (raw: string) => {
    const number = raw.trim();
    if (!number || busy) return;
    setBusy(true);
    try {
      const r = await authorityApi.paper(number);
      setChecks((c) => [{ ...r, at: new Date().toISOString(), key: Date.now() }, ...c]);
    } catch (e) {
      // Not visible to this authority (or not found at all): the same answer, 未找到.
      const unknown: PaperCheck = { number, result: 'unknown' };
      setChecks((c) => [{ ...unknown, at: new Date().toISOString(), key: Date.now(), organisationName: isApiError(e) && e.status !== 404 ? e.message : undefined }, ...c]);
    } finally {
      setBusy(false);
      setValue('');
      input.current?.focus();
    }
  };

  return (
    <div className="authority-page">
      <h1 className="page-title">纸质材料核对</h1>
      <Card>
        <p className="authority-sub" style={{ marginTop: 0 }}>
          输入纸质申报书上的申报编号后按回车，或用扫码枪扫描申报书封面的二维码。系统核对该编号是否为电子申报的最后一次提交。
        </p>
        <Input.Search
          ref={input}
          className="paper-input"
          size="large"
          autoFocus
          allowClear
          value={value}
          placeholder="申报编号或扫码内容"
          enterButton={
            <Button type="primary" icon={<ScanOutlined />} loading={busy}>
              核对
            </Button>
          }
          onChange={(e) => setValue(e.target.value)}
          onSearch={(v) => void check(v)}
          data-testid="paper-input"
        />
        {last ? (
          <div className={`paper-result ${VERDICT_CLASS[last.result]}`} data-testid="paper-result">
            <div className="paper-result-verdict">{PAPER_LABELS[last.result]}</div>
            <div className="paper-result-number">{last.number}</div>
            {last.organisationName ? <div style={{ marginTop: 8, fontSize: 16 }}>{last.organisationName}</div> : null}
            {last.result === 'superseded' && last.currentNumber ? (
              <div style={{ marginTop: 8 }}>
                当前有效编号：<span className="mono">{last.currentNumber}</span>（请申报主体提交与最后一次提交一致的纸质材料）
              </div>
            ) : null}
            {last.result === 'unknown' ? <div style={{ marginTop: 8 }}>本地区没有该编号的申报书，请核对编号。</div> : null}
          </div>
        ) : null}
      </Card>
      {checks.length ? (
        <Card size="small" title={`本次核对记录（${checks.length}）`} style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={checks}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 90, render: (v: string) => formatDateTime(v).slice(11) },
              { title: '编号', dataIndex: 'number', render: (v: string) => <span className="mono">{v}</span> },
              { title: '结果', dataIndex: 'result', width: 140, render: (r: PaperCheck['result']) => <Tag color={PAPER_COLORS[r]}>{PAPER_LABELS[r]}</Tag> },
              {
                title: '申报单位',
                key: 'org',
                render: (_, r) => (r.applicationId ? <Link to={`/authority/applications/${r.applicationId}`}>{r.organisationName}</Link> : (r.organisationName ?? '—')),
              },
              { title: '当前编号', dataIndex: 'currentNumber', render: (v?: string) => (v ? <span className="mono">{v}</span> : '—') },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}

export default PaperCheckPage;
