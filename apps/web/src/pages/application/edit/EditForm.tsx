import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Card, Col, Form, Grid, Row, Space, Tag } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import {
  APPLICATION_STATUS_LABELS,
  allFields,
  categoryTitle,
  eligibilityWarnings,
  formatText,
  isReadOnly,
  readOnlyValues,
  visibleSections,
  type ApplicationView,
  type FieldSpec,
  type FileView,
} from '@fw/shared';
import { applicationApi, type SaveResult } from '../shared/api';
import { readOnlySource, todayIso } from '../shared/fromValue';
import type { ApplicationData } from '../shared/useApplicationData';
import { WarningsAlert } from '../shared/WarningsAlert';
import { ReviewBanner } from '../shared/ReviewBanner';
import { sectionOpen, uploadsOpen } from '../shared/reopenScope';
import { useAutosave } from './useAutosave';
import { validateField } from './validateField';
import { FieldItem } from './components/FieldItem';
import { SaveStatus } from './components/SaveStatus';
import { SaveAlerts } from './components/SaveAlerts';
import { SectionNav } from './components/SectionNav';
import { CategorySwitch } from './components/CategorySwitch';
import { UploadsSection } from './uploads/UploadsSection';

interface Props {
  data: ApplicationData;
  reload: () => void;
}

type Values = Record<string, unknown>;

/** The application form: spec-driven sections, lossless autosave, uploads, 保存 / 下一步. */
export function EditForm({ data, reload }: Props) {
  const { app, spec, ctx, org } = data;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [server, setServer] = useState<{ status: ApplicationView['status']; warnings: ApplicationView['warnings']; savedAt: string | null }>({
    status: app.status,
    warnings: app.warnings,
    savedAt: app.updatedAt,
  });
  const [values, setValues] = useState<Values | null>(null);
  const [busy, setBusy] = useState<'save' | 'next' | 'reload' | null>(null);
  const [uploading, setUploading] = useState(0);

  const onSaved = useCallback(
    (r: SaveResult) => setServer((s) => ({ status: r.status, warnings: r.warnings ?? s.warnings, savedAt: r.savedAt })),
    [],
  );
  const autosave = useAutosave(app.id, app.version, onSaved);
  const editable = app.can.edit;

  // Server data with this device's unsent values on top; again whenever the page reloads the application.
  useEffect(() => {
    if (autosave.overlay === null) return;
    autosave.adoptVersion(app.version);
    setValues({ ...app.data, ...autosave.overlayNow() });
    setServer({ status: app.status, warnings: app.warnings, savedAt: app.updatedAt });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app, autosave.overlay]);

  const fieldsByKey = useMemo(() => new Map(allFields(spec).map((f) => [f.key, f])), [spec]);
  const sections = useMemo(() => (values ? visibleSections(spec, values, ctx) : []), [spec, values, ctx]);
  const readOnly = useMemo(() => readOnlyValues(spec, readOnlySource(org), ctx), [spec, org, ctx]);
  const warnings = useMemo(() => {
    const eligibilityCtx = { ...ctx, establishedOn: org?.registry?.establishedOn ?? null, today: todayIso() };
    const live = values ? safeWarnings(() => eligibilityWarnings(spec, values, eligibilityCtx)) : [];
    const seen = new Set<string>();
    return [...live, ...server.warnings].filter((w) => (seen.has(w.message) ? false : (seen.add(w.message), true)));
  }, [spec, values, ctx, org, server.warnings]);

  // A link from the confirm page (#field-anchor-key) lands on the field once it is rendered.
  useEffect(() => {
    if (!values || !location.hash) return;
    const el = document.getElementById(location.hash.slice(1));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.querySelector<HTMLElement>('input, textarea, [tabindex]')?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values !== null, location.hash]);

  const change = useCallback(
    (key: string, value: unknown) => {
      const field = fieldsByKey.get(key);
      setValues((v) => ({ ...(v ?? {}), [key]: value }));
      autosave.change(key, value, field ? validateField(field, value, ctx) : null);
    },
    [fieldsByKey, autosave, ctx],
  );
  const commit = useCallback(() => void autosave.flush(), [autosave]);

  const reloadAfterConflict = async () => {
    setBusy('reload');
    try {
      const fresh = await applicationApi.get(app.id);
      await autosave.acceptServer(fresh.version);
      reload();
    } catch {
      // shown centrally; the user can press again
    } finally {
      setBusy(null);
    }
  };

  const drainAnd = async (kind: 'save' | 'next') => {
    setBusy(kind);
    const s = await autosave.drain();
    setBusy(null);
    if (s.pendingCount === 0 && s.phase === 'idle') {
      if (kind === 'next' && uploading > 0) {
        message.warning(`还有${uploading}个文件正在上传，请等待上传完成后再进入下一步`);
        document.getElementById('section-uploads')?.scrollIntoView({ behavior: 'smooth' });
      } else if (kind === 'next') navigate(`/applications/${app.id}/confirm`);
      else message.success('已保存');
      return;
    }
    const firstError = Object.keys(s.errors)[0];
    if (firstError) {
      message.error('有填写不符合要求的内容，请修改后再继续');
      document.getElementById(`field-anchor-${firstError}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    } else if (s.phase === 'retrying') message.error(`网络异常，还有${s.pendingCount}项未保存，系统会继续重试`);
    else message.error(s.message ?? `还有${s.pendingCount}项未保存`);
  };

  const onFilesChanged = useCallback(
    (_files: FileView[]) => setServer((s) => (s.status === 'submitted' ? { ...s, status: 'modified' } : s)),
    [],
  );

  if (!values) return null;
  const errors = autosave.state.errors;
  const pendingKeys = new Set(Object.keys(autosave.overlayNow()));
  const readOnlyOf = (f: FieldSpec): { value: unknown } | undefined => (isReadOnly(f) ? { value: readOnly[f.key] } : undefined);
  const wide = screens.md ?? true;
  const navItems = [
    ...sections.map((s) => ({ key: s.key, title: s.title, errors: s.fields.filter((f) => errors[f.key]).length })),
    { key: 'uploads', title: '上传材料', errors: 0 },
  ];

  return (
    <div className="application-edit">
      <div className="edit-head">
        <div>
          <h1 className="page-title edit-title">{spec.title}</h1>
          <Space wrap size={[8, 4]}>
            <Tag color="blue">{categoryTitle(app.category, app.subType)}</Tag>
            <Tag color={server.status === 'submitted' ? 'green' : server.status === 'modified' ? 'orange' : 'default'} data-testid="application-status">
              {APPLICATION_STATUS_LABELS[server.status]}
            </Tag>
            {app.currentNumber ? <span className="edit-number">申报编号 {app.currentNumber}</span> : null}
            {app.can.changeCategory && editable ? (
              <CategorySwitch
                applicationId={app.id}
                category={app.category}
                subType={app.subType}
                round={ctx.round}
                beforeChange={async () => {
                  await autosave.drain();
                }}
                onChanged={reload}
              />
            ) : null}
          </Space>
        </div>
      </div>

      {server.status === 'modified' ? (
        <Alert className="edit-alert" type="warning" showIcon title="申报书已修改但尚未重新提交，修改后请到确认页面重新提交，否则以上次提交的内容为准。" />
      ) : null}
      {!editable ? <Alert className="edit-alert" type="info" showIcon title="当前不可修改申报书（已截止或不在填报期内），以下内容仅供查看。" /> : null}
      <ReviewBanner app={app} spec={spec} />
      <SaveAlerts
        state={autosave.state}
        fields={fieldsByKey}
        ctx={ctx}
        reloading={busy === 'reload'}
        onReload={() => void reloadAfterConflict()}
        onRetry={autosave.resume}
        onReuse={(key, value) => {
          change(key, value);
          autosave.dismissLeftover(key);
        }}
        onDismissLeftover={autosave.dismissLeftover}
      />
      <WarningsAlert warnings={warnings} />

      {!wide ? <SectionNav items={navItems} horizontal /> : null}
      <Row gutter={24}>
        {wide ? (
          <Col md={6} lg={5}>
            <SectionNav items={navItems} />
          </Col>
        ) : null}
        <Col xs={24} md={18} lg={19}>
          <Form layout="vertical" component="div" disabled={!editable}>
            {sections.map((s) => (
              <Card key={s.key} id={`section-${s.key}`} title={s.title} className="edit-section" data-testid={`section-${s.key}`}>
                {s.description ? <p className="section-description">{formatText(s.description, ctx)}</p> : null}
                <Row gutter={16}>
                  {s.fields.map((f) => {
                    const full = f.wide || f.type === 'textarea' || f.type === 'yearTable' || f.type === 'rows' || f.type === 'declaration';
                    return (
                      <Col key={f.key} xs={24} md={full ? 24 : 12}>
                        <FieldItem
                          field={f}
                          value={values[f.key]}
                          ctx={ctx}
                          readOnlyValue={readOnlyOf(f)}
                          error={errors[f.key]}
                          unsaved={pendingKeys.has(f.key)}
                          disabled={!editable || !sectionOpen(app, s.key)}
                          onChange={change}
                          onCommit={commit}
                        />
                      </Col>
                    );
                  })}
                </Row>
              </Card>
            ))}
          </Form>
          <Card id="section-uploads" title="上传材料" className="edit-section" data-testid="section-uploads">
            <UploadsSection
              applicationId={app.id}
              initialFiles={app.files}
              disabled={!editable || !uploadsOpen(app)}
              onFilesChanged={onFilesChanged}
              onActiveChange={setUploading}
            />
          </Card>
        </Col>
      </Row>

      <div className="edit-actions">
        <SaveStatus state={autosave.state} serverSavedAt={server.savedAt} />
        <Space>
          <Button onClick={() => void drainAnd('save')} loading={busy === 'save'} disabled={!editable} data-testid="btn-save">
            保存
          </Button>
          <Button type="primary" onClick={() => void drainAnd('next')} loading={busy === 'next'} data-testid="btn-next">
            下一步
          </Button>
        </Space>
      </div>
    </div>
  );
}

function safeWarnings<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return [];
  }
}
