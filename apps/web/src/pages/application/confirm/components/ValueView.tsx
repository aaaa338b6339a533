import { computeIndicators, displayValue, type FieldSpec, type FormContext } from '@fw/shared';

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function YearTableView({ field, value, ctx }: { field: FieldSpec; value: unknown; ctx: FormContext }) {
  const table = computeIndicators(field, value);
  const years = ctx.round.indicatorYears.map(String);
  return (
    <div className="year-table-wrap">
      <table className="year-table" data-testid={`review-${field.key}`}>
        <thead>
          <tr>
            <th className="year-table-label">指标</th>
            {years.map((y) => (
              <th key={y}>{y}年</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(field.indicators ?? []).map((ind) => (
            <tr key={ind.key} className={ind.computed ? 'year-table-computed' : undefined}>
              <th className="year-table-label" scope="row">
                {ind.label}
                {ind.unit ? <span className="year-table-unit">（{ind.unit}）</span> : null}
              </th>
              {years.map((y) => {
                const v = table[ind.key]?.[y];
                return <td key={y}>{typeof v === 'number' ? NUMBER.format(v) : '—'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowsView({ field, value }: { field: FieldSpec; value: unknown }) {
  const rows = Array.isArray(value) ? value : [];
  const columns = field.columns ?? [];
  return (
    <div className="year-table-wrap">
      <table className="year-table" data-testid={`review-${field.key}`}>
        <thead>
          <tr>
            <th>序号</th>
            {columns.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row: unknown, i) => {
            const cells = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
            return (
              <tr key={i}>
                <td>{i + 1}</td>
                {columns.map((c) => (
                  <td key={c.key}>{displayValue(c, cells[c.key]) || '—'}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One value as entered: tables as tables, everything else through displayValue. */
export function ValueView({ field, value, ctx }: { field: FieldSpec; value: unknown; ctx: FormContext }) {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return <span className="review-empty">未填写</span>;
  if (field.type === 'yearTable') return <YearTableView field={field} value={value} ctx={ctx} />;
  if (field.type === 'rows') return <RowsView field={field} value={value} />;
  return <span data-testid={`review-${field.key}`}>{displayValue(field, value)}</span>;
}
