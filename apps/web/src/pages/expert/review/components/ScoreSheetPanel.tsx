import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Input, Space } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { ExpertAssignmentView, ExpertSheetView } from '@fw/shared';
import { isApiError } from '../../../../api/client';
import { formatDateTime, formatTime } from '../../../application/shared/format';
import { expertApi } from '../../api';
import { createDraftSaver, liveTotal, sheetErrors, toBody, type DraftState, type SheetValues } from '../sheetDraft';
import { CriterionRow } from './CriterionRow';

/** Wait after the last keystroke before the draft is saved by itself. */
const AUTOSAVE_MS = 1500;
const COMMENT_MAX = 2000;

interface Props {
  assignment: ExpertAssignmentView;
  onSubmitted: () => void;
}

/** The rubric score sheet: per-criterion points, live total, comment, autosaved draft, then 提交评分. */
export function ScoreSheetPanel({ assignment, onSubmitted }: Props) {
  const { modal, message } = App.useApp();
  const rubric = assignment.rubric;
  const sheet = assignment.sheet as ExpertSheetView;
  const [values, setValues] = useState<SheetValues>({ scores: sheet.scores, comment: sheet.comment ?? '' });
  const [draft, setDraft] = useState<DraftState>({ phase: sheet.updatedAt ? 'saved' : 'idle', savedAt: sheet.updatedAt, message: null });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saver = useMemo(
    () =>
      createDraftSaver({
        save: (body) => expertApi.saveDraft(assignment.id, body, { quiet: true }),
        onState: setDraft,
        check: (v) => sheetErrors(rubric, v, false),
        savedAt: sheet.updatedAt,
      }),
    [assignment.id, rubric, sheet.updatedAt],
  );
  const readOnly = !sheet.editable;
  const errors = { ...sheetErrors(rubric, values, false), ...serverErrors };
  const total = readOnly ? sheet.total : liveTotal(rubric, values);

  // Unsaved changes: save on leaving the page within the app, warn on closing the tab.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.hasUnsaved()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      if (saver.hasUnsaved()) void saver.flush();
    };
  }, [saver]);

  const change = (next: SheetValues) => {
    setValues(next);
    setServerErrors({});
    saver.change(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saver.flush(), AUTOSAVE_MS);
  };

  const saveNow = async () => {
    if (timer.current) clearTimeout(timer.current);
    saver.change(values);
    const s = await saver.flush();
    if (s.phase === 'saved') message.success('草稿已保存');
  };

  const submit = () => {
    const missing = sheetErrors(rubric, values, true);
    if (Object.keys(missing).length) {
      setServerErrors(missing);
      message.error(Object.values(missing)[0] ?? '请完成评分');
      return;
    }
    modal.confirm({
      title: '提交评分',
      content: (
        <div data-testid="submit-confirm">
          <p>
            {assignment.organisationName}：总分 <b>{liveTotal(rubric, values)}</b> 分。
          </p>
          <p>提交后评分和评审意见不能再修改。确认提交？</p>
        </div>
      ),
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: async () => {
        if (timer.current) clearTimeout(timer.current);
        setSubmitting(true);
        try {
          await saver.flush();
          await expertApi.submit(assignment.id, toBody(values));
          message.success('评分已提交');
          onSubmitted();
        } catch (e) {
          if (isApiError(e)) setServerErrors(e.fields);
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  return (
    <Card
      size="small"
      className="expert-sheet"
      data-testid="score-sheet"
      title={
        <span>
          评分表 <span className="expert-sub">{rubric.source}</span>
        </span>
      }
    >
      {readOnly && sheet.submittedAt ? (
        <Alert
          type="success"
          showIcon
          className="expert-sheet-alert"
          title={`已于 ${formatDateTime(sheet.submittedAt).slice(0, 16)} 提交评分`}
          description={
            assignment.submittedReviews !== null
              ? `本申报已有 ${assignment.submittedReviews} 位专家提交评分。其他专家的评分不向评审专家显示。`
              : undefined
          }
        />
      ) : null}
      <div className="expert-criteria">
        {rubric.criteria.map((c) => (
          <CriterionRow
            key={c.key}
            criterion={c}
            value={values.scores[c.key]}
            error={errors[`scores.${c.key}`]}
            readOnly={readOnly}
            onChange={(v) => change({ ...values, scores: { ...values.scores, [c.key]: v } })}
          />
        ))}
      </div>
      <div className="expert-comment">
        <label htmlFor="expert-comment" className="expert-criterion-label">
          评审意见
        </label>
        {readOnly ? (
          <div className="expert-comment-text">{sheet.comment || <span className="review-empty">未填写</span>}</div>
        ) : (
          <Input.TextArea
            id="expert-comment"
            rows={4}
            maxLength={COMMENT_MAX}
            showCount
            value={values.comment ?? ''}
            onChange={(e) => change({ ...values, comment: e.target.value })}
            placeholder="主要优势、不足和建议"
            status={errors.comment ? 'error' : undefined}
            data-testid="sheet-comment"
          />
        )}
      </div>
      {/* Kept in view at the bottom of the pane: the total, the save status and the buttons. */}
      <div className="expert-sheet-footer">
        <div className="expert-total" data-testid="sheet-total">
          总分 <b>{total}</b> / 100
        </div>
        {readOnly ? null : (
          <div className="expert-sheet-actions">
            <DraftStatus state={draft} />
            <Space>
              <Button onClick={() => void saveNow()} disabled={submitting} data-testid="btn-save-draft">
                保存草稿
              </Button>
              <Button type="primary" onClick={submit} loading={submitting} data-testid="btn-submit-sheet">
                提交评分
              </Button>
            </Space>
          </div>
        )}
      </div>
    </Card>
  );
}

function DraftStatus({ state }: { state: DraftState }) {
  const view = {
    idle: { icon: null, text: '尚未保存' },
    dirty: { icon: null, text: '未保存' },
    saving: { icon: <LoadingOutlined />, text: '保存中…' },
    saved: { icon: <CheckCircleOutlined />, text: state.savedAt ? `已保存 ${formatTime(state.savedAt)}` : '已保存' },
    invalid: { icon: <ExclamationCircleOutlined />, text: `未保存：${state.message ?? '评分有误'}` },
    failed: { icon: <ExclamationCircleOutlined />, text: `保存失败：${state.message ?? ''}` },
  }[state.phase];
  return (
    <span className={`expert-draft-status expert-draft-${state.phase}`} role="status" aria-live="polite" data-testid="draft-status" data-phase={state.phase}>
      {view.icon} {view.text}
    </span>
  );
}
