import { Alert } from 'antd';
import { Link } from 'react-router';
import type { MissingItem } from '../../shared/api';

interface Props {
  applicationId: string;
  items: MissingItem[];
  /** Keys of the form's fields; anything else (a file slot) links to the uploads. */
  fieldKeys: Set<string>;
  title: string;
}

/** What still stops the submit, each with a link back to the field in the form. */
export function MissingList({ applicationId, items, fieldKeys, title }: Props) {
  if (items.length === 0) return null;
  const edit = `/applications/${applicationId}/edit`;
  return (
    <Alert
      className="edit-alert"
      type="error"
      showIcon
      data-testid="missing-list"
      title={title}
      description={
        <ul className="warning-list">
          {items.map((m) => (
            <li key={`${m.field}:${m.message}`}>
              <Link to={`${edit}#${fieldKeys.has(m.field) ? `field-anchor-${m.field}` : 'section-uploads'}`} data-testid={`missing-${m.field}`}>
                {m.section ? `${m.section} · ` : ''}
                {m.label}
              </Link>
              ：{m.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
