import { Card } from 'antd';
import { formatText, labelFor, type FormContext, type SectionSpec } from '@fw/shared';
import { ValueView } from './ValueView';

interface Props {
  section: SectionSpec;
  values: Record<string, unknown>;
  ctx: FormContext;
}

/** A section of the form read back: label and value side by side, wide values below their label. */
export function ReviewSection({ section, values, ctx }: Props) {
  return (
    <Card title={formatText(section.title, ctx)} className="edit-section" size="small" data-testid={`review-section-${section.key}`}>
      <table className="review-table">
        <tbody>
          {section.fields.map((f) =>
            f.type === 'yearTable' || f.type === 'rows' ? (
              <tr key={f.key}>
                <td colSpan={2}>
                  <div className="review-wide-label">{labelFor(f, ctx)}</div>
                  <ValueView field={f} value={values[f.key]} ctx={ctx} />
                </td>
              </tr>
            ) : (
              <tr key={f.key}>
                <th scope="row">{labelFor(f, ctx)}</th>
                <td>
                  <ValueView field={f} value={values[f.key]} ctx={ctx} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </Card>
  );
}
