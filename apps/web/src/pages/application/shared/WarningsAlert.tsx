import { Alert } from 'antd';
import type { EligibilityWarning } from '@fw/shared';

/** Conditions the system computed and found unmet; they do not block a submit but reviewers see them too. */
export function WarningsAlert({ warnings }: { warnings: readonly EligibilityWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      className="edit-alert"
      type="warning"
      showIcon
      data-testid="eligibility-warnings"
      title="申报条件提示"
      description={
        <ul className="warning-list">
          {warnings.map((w) => (
            <li key={`${w.field}:${w.message}`}>{w.message}</li>
          ))}
        </ul>
      }
    />
  );
}
