import { Alert } from 'antd';
import { LEVEL_LABELS, slotSpec, type ApplicationView, type FormSpec, type Level } from '@fw/shared';
import { formatDateTime } from './format';

interface Props {
  app: Pick<ApplicationView, 'reopening' | 'checks' | 'closed'>;
  spec: FormSpec;
}

/** What the authorities decided that the applicant must see: a returned completeness check, a reopening in force. */
export function ReviewBanner({ app, spec }: Props) {
  const returned = app.checks.filter((c) => c.status === 'returned');
  const r = app.reopening;
  const scope = r
    ? r.scope.whole
      ? '全部内容'
      : [...r.scope.sections.map((k) => spec.sections.find((s) => s.key === k)?.title ?? k), ...r.scope.slots.map((k) => slotSpec(k)?.label ?? k)].join('、')
    : '';
  return (
    <>
      {returned.map((c) => (
        <Alert
          key={`${c.level}-${c.at ?? ''}`}
          className="edit-alert"
          type="error"
          showIcon
          data-testid="banner-returned"
          title={`形式审查退回（${LEVEL_LABELS[c.level as Level] ?? c.level}主管部门）`}
          description={c.reason ? `退回原因：${c.reason}` : undefined}
        />
      ))}
      {r ? (
        <Alert
          className="edit-alert"
          type="warning"
          showIcon
          data-testid="banner-reopening"
          title={`主管部门已临时开放修改，请于 ${formatDateTime(r.expiresAt).slice(0, 16)} 前修改并重新提交`}
          description={
            <>
              <div>开放原因：{r.reason}</div>
              <div>可修改范围：{scope}{r.scope.whole ? '' : '（其他内容不能修改）'}</div>
            </>
          }
        />
      ) : null}
    </>
  );
}
