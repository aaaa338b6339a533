import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EyeOutlined, FilePdfOutlined, LikeOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { isApiError } from '../../../../api/client';
import { authorityApi, authorityUrls, type AuthorityDetail } from '../../api';
import { CHECK_COLORS, CHECK_LABELS, PAPER_COLORS, PAPER_LABELS } from '../../shared/labels';
import { download } from '../../shared/download';
import { formatDateTime } from '../../../application/shared/format';

interface Props {
  detail: AuthorityDetail;
  onChanged: () => void;
  onReopen: () => void;
}

const OPINION_MAX = 1000;

/** What this authority does with the application: check, recommend, opinion, reopen, PDF. */
export function ActionPanel({ detail, onChanged, onReopen }: Props) {
  const { message } = App.useApp();
  const id = detail.application.id;
  const review = detail.myReview;
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState(review?.opinion ?? '');
  const [previewing, setPreviewing] = useState(false);
  useEffect(() => setOpinion(review?.opinion ?? ''), [review?.opinion]);

  const run = async (key: string, fn: () => Promise<unknown>, done: string, quietErrors = false) => {
    setBusy(key);
    try {
      await fn();
      message.success(done);
      onChanged();
      return true;
    } catch (e) {
      if (quietErrors) message.error(isApiError(e) ? e.message : '操作失败，请重试');
      return false;
    } finally {
      setBusy(null);
    }
  };

  const checkStatus = review?.checkStatus ?? 'pending';
  const opinionDirty = opinion !== (review?.opinion ?? '');

  return (
    <div className="detail-side" data-testid="action-panel">
      <Card size="small" title="形式审查">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div>
            <Tag color={CHECK_COLORS[checkStatus]} data-testid="detail-check-status">
              {CHECK_LABELS[checkStatus]}
            </Tag>
            {checkStatus === 'returned' && review?.checkReason ? <Typography.Text type="danger">{review.checkReason}</Typography.Text> : null}
          </div>
          {detail.can.check ? (
            <Space wrap>
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'pass'} disabled={checkStatus === 'passed'} onClick={() => void run('pass', () => authorityApi.check(id, { result: 'passed' }), '形式审查已通过')} data-testid="btn-check-pass">
                通过
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={() => setReturning(true)} data-testid="btn-check-return">
                退回
              </Button>
            </Space>
          ) : null}
        </Space>
      </Card>

      <Card size="small" title="推荐">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div data-testid="detail-recommended">{review?.recommended ? <Tag color="blue">已推荐，第{review.rank ?? '—'}位</Tag> : <Tag>未推荐</Tag>}</div>
          {detail.can.recommend ? (
            review?.recommended ? (
              <Button icon={<RollbackOutlined />} loading={busy === 'rec'} onClick={() => void run('rec', () => authorityApi.unrecommend(id), '已取消推荐')} data-testid="btn-detail-unrecommend">
                取消推荐
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<LikeOutlined />}
                loading={busy === 'rec'}
                disabled={checkStatus === 'returned'}
                onClick={() => void run('rec', () => authorityApi.recommend(id), '已推荐', true)}
                data-testid="btn-detail-recommend"
              >
                推荐
              </Button>
            )
          ) : (
            <Typography.Text type="secondary">截止申报后方可推荐。</Typography.Text>
          )}
        </Space>
      </Card>

      <Card size="small" title="推荐意见">
        <Input.TextArea
          rows={4}
          maxLength={OPINION_MAX}
          showCount
          value={opinion}
          disabled={!detail.can.opinion}
          onChange={(e) => setOpinion(e.target.value)}
          placeholder="填写本单位的推荐意见，将打印在PDF申报书中"
          data-testid="opinion"
        />
        {detail.can.opinion ? (
          <Button style={{ marginTop: 8 }} disabled={!opinionDirty} loading={busy === 'opinion'} onClick={() => void run('opinion', () => authorityApi.opinion(id, opinion), '推荐意见已保存')} data-testid="btn-save-opinion">
            保存意见
          </Button>
        ) : null}
      </Card>

      <Card size="small" title="纸质材料">
        {review?.paperResult ? (
          <div>
            <Tag color={PAPER_COLORS[review.paperResult]}>{PAPER_LABELS[review.paperResult]}</Tag>
            <div className="authority-sub mono">{review.paperNumber}</div>
            <div className="authority-sub">{formatDateTime(review.paperCheckedAt)}</div>
          </div>
        ) : (
          <Typography.Text type="secondary">尚未核对。</Typography.Text>
        )}
        {detail.can.paper ? (
          <div style={{ marginTop: 6 }}>
            <Link to="/authority/paper">去核对纸质材料编号</Link>
          </div>
        ) : null}
      </Card>

      <Card size="small">
        <Space wrap>
          {detail.can.reopen ? (
            <Button icon={<UnlockOutlined />} onClick={onReopen} data-testid="btn-reopen">
              临时开放修改
            </Button>
          ) : null}
          <Button icon={<EyeOutlined />} onClick={() => setPreviewing(true)} disabled={!detail.application.number} data-testid="btn-detail-pdf-preview">
            预览申报书
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => download(authorityUrls.pdf(id))} disabled={!detail.application.number} data-testid="btn-detail-pdf">
            导出PDF申报书
          </Button>
        </Space>
      </Card>

      <Modal open={previewing} title="PDF申报书（含本级推荐意见）" footer={null} width="min(1100px, 96vw)" onCancel={() => setPreviewing(false)} destroyOnHidden centered>
        {previewing ? <iframe className="pdf-preview" title="PDF申报书" src={authorityUrls.pdf(id, true)} /> : null}
      </Modal>
      <Modal
        open={returning}
        title="退回形式审查"
        okText="退回"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: busy === 'return', 'data-testid': 'btn-return-confirm' }}
        cancelText="取消"
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (await run('return', () => authorityApi.check(id, { result: 'returned', reason: reason.trim() }), '已退回')) {
            setReturning(false);
            setReason('');
          }
        }}
      >
        <Form layout="vertical">
          <Form.Item label="退回原因（申报主体可见）" required>
            <Input.TextArea rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
