import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { QueueState } from '../saveQueue';
import { saveStatusText } from '../saveStatusText';

const ICONS = {
  ok: <CheckCircleOutlined />,
  busy: <LoadingOutlined />,
  warn: <CloudSyncOutlined />,
  error: <ExclamationCircleOutlined />,
};

export function SaveStatus({ state, serverSavedAt }: { state: QueueState; serverSavedAt: string | null }) {
  const { text, tone } = saveStatusText(state, serverSavedAt);
  return (
    <span className={`save-status save-status-${tone}`} data-testid="save-status" data-phase={state.phase} data-pending={state.pendingCount} role="status" aria-live="polite">
      {ICONS[tone]} {text}
    </span>
  );
}
