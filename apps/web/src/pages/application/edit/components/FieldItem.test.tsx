import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { Form } from 'antd';
import { CATEGORIES, CATEGORY_SUB_TYPES, THIRD_NATIONAL_ROUND, allFields, formSpecFor, type FormContext } from '@fw/shared';
import { FieldItem } from './FieldItem';

/** Every field of every category's form renders with its test id, empty and read-only alike. */
describe.each(CATEGORIES)('the %s form', (category) => {
  const ctx: FormContext = { round: THIRD_NATIONAL_ROUND, subType: CATEGORY_SUB_TYPES[category][0] ?? null };
  const fields = allFields(formSpecFor(category));

  it('renders an input with data-testid="field-<key>" for each field', () => {
    const html = renderToString(
      <Form layout="vertical" component="div">
        {fields.map((f) => (
          <FieldItem key={f.key} field={f} value={null} ctx={ctx} onChange={() => undefined} onCommit={() => undefined} />
        ))}
      </Form>,
    );
    for (const f of fields) expect(html, f.key).toContain(`data-testid="field-${f.key}"`);
  });

  it('renders a cell test id for each indicator and year of a yearTable', () => {
    const tables = fields.filter((f) => f.type === 'yearTable');
    const html = renderToString(
      <>
        {tables.map((f) => (
          <FieldItem key={f.key} field={f} value={null} ctx={ctx} onChange={() => undefined} onCommit={() => undefined} />
        ))}
      </>,
    );
    for (const f of tables)
      for (const ind of f.indicators ?? []) for (const y of ctx.round.indicatorYears) expect(html).toContain(`data-testid="cell-${f.key}-${ind.key}-${y}"`);
  });
});
