import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Space, Tag } from 'antd';
import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { get } from 'idb-keyval';
import {
  APPLICATION_STATUS_LABELS,
  allFields,
  categoryTitle,
  eligibilityWarnings,
  missingForSubmit,
  readOnlyValues,
  visibleSections,
} from '@fw/shared';
import { isApiError } from '../../../api/client';
import { applicationApi, type MissingItem } from '../shared/api';
import { readOnlySource, todayIso } from '../shared/fromValue';
import type { ApplicationData } from '../shared/useApplicationData';
import { WarningsAlert } from '../shared/WarningsAlert';
import { queueStorageKey } from '../edit/useAutosave';
import { lastUploadStartedAt } from '../edit/uploads/tusUpload';
import { ReviewSection } from './components/ReviewSection';
import { FilesReview } from './components/FilesReview';
import { MissingList } from './components/MissingList';
import { forgetSubmitKey, submitKeyFor } from './submitKey';

function isMissingList(v: unknown): v is MissingItem[] {
  return Array.isArray(v) && v.every((m) => typeof m === 'object' && m !== null && typeof (m as MissingItem).field === 'string');
}

/** Everything entered, read back before the submit; 修改 goes back, 提交 submits once. */
export function ConfirmView({ data }: { data: ApplicationData }) {
  const { app, spec, ctx, org } = data;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [serverMissing, setServerMissing] = useState<MissingItem[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [unsentHere, setUnsentHere] = useState(false);
  const inFlight = useRef(false);
  // One key per visit and version: a second click or a retry after a lost answer sends the same one.
  const idempotencyKey = useMemo(() => submitKeyFor(app.id, app.version), [app.id, app.version]);

  useEffect(() => {
    // Values typed on the form but not yet on the server would be missing from what is submitted.
    void get(queueStorageKey(app.id))
      .then((rec: unknown) => {
        const r = rec as { changes?: object; inflight?: object | null } | undefined;
        setUnsentHere(!!r && (Object.keys(r.changes ?? {}).length > 0 || !!r.inflight));
      })
      .catch(() => undefined);
  }, [app.id]);

  const values = useMemo(() => ({ ...app.data, ...readOnlyValues(spec, readOnlySource(org), ctx) }), [app.data, spec, org, ctx]);
  const sections = useMemo(() => visibleSections(spec, values, ctx), [spec, values, ctx]);
  const fieldKeys = useMemo(() => new Set(allFields(spec).map((f) => f.key)), [spec]);
  const localMissing = useMemo(() => missingForSubmit(spec, app.data, ctx), [spec, app.data, ctx]);
  const warnings = useMemo(() => {
    const live = eligibilityWarnings(spec, app.data, { ...ctx, establishedOn: org?.registry?.establishedOn ?? null, today: todayIso() });
    const seen = new Set<string>();
    return [...live, ...app.warnings].filter((w) => (seen.has(w.message) ? false : (seen.add(w.message), true)));
  }, [spec, app.data, app.warnings, ctx, org]);

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setRefusal(null);
    try {
      const res = await applicationApi.submit(app.id, { idempotencyKey, uploadStartedAt: lastUploadStartedAt(app.id) });
      forgetSubmitKey(app.id);
      navigate(`/applications/${app.id}/complete`, { state: res });
    } catch (e) {
      if (!isApiError(e)) {
        setRefusal('提交失败，请重试');
      } else if (e.status === 0 || e.status >= 500) {
        // The answer may be lost after the server accepted: the retry keeps the same key.
        setRefusal(`${e.message}。可再次点击“提交”，不会重复提交。`);
      } else {
        forgetSubmitKey(app.id);
        if (e.status === 422 && isMissingList(e.extra.missing)) {
          setServerMissing(e.extra.missing);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        } else if (e.status === 401) {
          setRefusal('登录已过期，请重新登录后再提交');
        } else {
          setRefusal(e.message);
        }
        message.error(e.message);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const missing = serverMissing ?? localMissing;
  const resubmit = app.status === 'modified' || app.status === 'submitted';

  return (
    <div className="application-confirm">
      <h1 className="page-title edit-title">确认申报内容</h1>
      <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
        <Tag color="blue">{categoryTitle(app.category, app.subType)}</Tag>
        <Tag>{APPLICATION_STATUS_LABELS[app.status]}</Tag>
        {app.currentNumber ? <span className="edit-number">当前申报编号 {app.currentNumber}</span> : null}
      </Space>
      <Alert
        className="edit-alert"
        type="info"
        showIcon
        title="请逐项核对以下内容，确认无误后点击“提交”。"
        description={
          resubmit
            ? '重新提交后将生成新的申报编号，纸质材料须与最后一次提交的电子编号一致。'
            : '提交后将生成申报编号；在填报截止前仍可修改并重新提交。'
        }
      />
      {unsentHere ? (
        <Alert
          className="edit-alert"
          type="warning"
          showIcon
          data-testid="alert-unsent"
          title="本设备上还有未保存到服务器的修改"
          description={
            <span>
              请先<Link to={`/applications/${app.id}/edit`}>返回修改页面</Link>等待保存完成，否则这些修改不会包含在提交内容中。
            </span>
          }
        />
      ) : null}
      {refusal ? <Alert className="edit-alert" type="error" showIcon title={refusal} data-testid="submit-error" /> : null}
      <MissingList
        applicationId={app.id}
        items={missing}
        fieldKeys={fieldKeys}
        title={serverMissing ? '提交未成功，以下内容尚需填写或上传' : '以下内容尚未填写，提交前请补充'}
      />
      <WarningsAlert warnings={warnings} />

      {sections.map((s) => (
        <ReviewSection key={s.key} section={s} values={values} ctx={ctx} />
      ))}
      <FilesReview applicationId={app.id} files={app.files} />

      <div className="edit-actions">
        <span className="save-status">{spec.title}</span>
        <Space>
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              forgetSubmitKey(app.id);
              navigate(`/applications/${app.id}/edit`);
            }}
            data-testid="btn-edit"
          >
            修改
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submitting}
            disabled={submitting || !app.can.submit}
            onClick={() => void submit()}
            data-testid="btn-submit"
          >
            提交
          </Button>
        </Space>
      </div>
      {!app.can.submit ? <p className="review-empty" style={{ textAlign: 'right' }}>当前不可提交（已截止或不在填报期内）。</p> : null}
    </div>
  );
}
