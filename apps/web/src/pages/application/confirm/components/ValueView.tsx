import { computeIndicators, displayValue, type FieldSpec, type FormContext } from '@fw/shared';
import { YearTable } from '../../shared/YearTable';

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function YearTableView({ field, value, ctx }: { field: FieldSpec; value: unknown; ctx: FormContext }) {
  const table = computeIndicators(field, value);
  return (
    <YearTable
      field={field}
      ctx={ctx}
      tableTestId={`review-${field.key}`}
      cell={(ind, y) => {
        const v = table[ind.key]?.[y];
        return <td>{typeof v === 'number' ? NUMBER.format(v) : '—'}</td>;
      }}
    />
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
