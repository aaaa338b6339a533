import { Alert, Button, Space } from 'antd';
import { Link, useLocation } from 'react-router';
import { displayValue, labelFor, type FieldSpec, type FormContext } from '@fw/shared';
import { loginPathFor } from '../../../../auth/paths';
import type { QueueState } from '../saveQueue';

interface Props {
  state: QueueState;
  fields: Map<string, FieldSpec>;
  ctx: FormContext;
  reloading: boolean;
  onReload: () => void;
  onRetry: () => void;
  onReuse: (key: string, value: unknown) => void;
  onDismissLeftover: (key?: string) => void;
}

function show(field: FieldSpec | undefined, value: unknown): string {
  if (value === null || value === undefined) return '（清空）';
  if (!field) return JSON.stringify(value);
  try {
    return displayValue(field, value) || '（空）';
  } catch {
    return JSON.stringify(value);
  }
}

/** Why saving stopped and what to do: log in again, reload after a conflict, or re-enter leftovers. */
export function SaveAlerts({ state, fields, ctx, reloading, onReload, onRetry, onReuse, onDismissLeftover }: Props) {
  const location = useLocation();
  const leftovers = Object.entries(state.leftovers);
  return (
    <>
      {state.phase === 'unauthenticated' ? (
        <Alert
          className="edit-alert"
          type="error"
          showIcon
          data-testid="alert-session"
          title="登录已过期，请重新登录"
          description="尚未保存的内容已保留在本设备上，重新登录后回到本页面将自动保存。"
          action={
            <Space orientation="vertical">
              <Link to={loginPathFor(location.pathname)}>
                <Button type="primary" size="small">重新登录</Button>
              </Link>
              <Button size="small" onClick={onRetry}>重试保存</Button>
            </Space>
          }
        />
      ) : null}
      {state.phase === 'conflict' ? (
        <Alert
          className="edit-alert"
          type="error"
          showIcon
          data-testid="alert-conflict"
          title="该申报书已在其他窗口或设备上修改"
          description="为避免覆盖别处的修改，本页暂停保存。请重新加载最新内容；本页尚未保存的内容会列出，便于重新填写。"
          action={
            <Button type="primary" size="small" loading={reloading} onClick={onReload} data-testid="btn-reload">
              重新加载
            </Button>
          }
        />
      ) : null}
      {state.phase === 'forbidden' ? (
        <Alert className="edit-alert" type="error" showIcon title={state.message ?? '当前不允许修改申报书'} description="尚未保存的内容已保留在本设备上。" />
      ) : null}
      {leftovers.length > 0 ? (
        <Alert
          className="edit-alert"
          type="warning"
          showIcon
          data-testid="alert-leftovers"
          title="以下内容未能保存，请核对后重新填写"
          description={
            <ul className="leftover-list">
              {leftovers.map(([key, value]) => {
                const f = fields.get(key);
                return (
                  <li key={key}>
                    <a href={`#field-anchor-${key}`}>{f ? labelFor(f, ctx) : key}</a>：<span className="leftover-value">{show(f, value)}</span>{' '}
                    <Button size="small" type="link" onClick={() => onReuse(key, value)}>
                      使用此内容
                    </Button>
                    <Button size="small" type="link" onClick={() => onDismissLeftover(key)}>
                      忽略
                    </Button>
                  </li>
                );
              })}
            </ul>
          }
          closable={{ onClose: () => onDismissLeftover() }}
        />
      ) : null}
    </>
  );
}
