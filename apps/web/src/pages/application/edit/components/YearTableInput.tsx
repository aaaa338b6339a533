import { InputNumber } from 'antd';
import { computeIndicators, type FieldSpec, type FormContext } from '@fw/shared';
import { YearTable } from '../../shared/YearTable';
import { isPlainObject } from './normalize';

type Table = Record<string, Record<string, number | null>>;

function inputLines(field: FieldSpec, value: unknown): Table {
  const out: Table = {};
  if (!isPlainObject(value)) return out;
  for (const ind of field.indicators ?? []) {
    if (ind.computed) continue; // derived lines are never stored from the client
    const line = value[ind.key];
    if (!isPlainObject(line)) continue;
    out[ind.key] = {};
    for (const [y, v] of Object.entries(line)) out[ind.key]![y] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

function formatComputed(n: number | null | undefined, unit: string | undefined): string {
  if (n === null || n === undefined) return '—';
  return unit === '%' ? `${n.toFixed(2)}` : String(n);
}

interface Props {
  field: FieldSpec;
  value: unknown;
  ctx: FormContext;
  onChange: (value: unknown) => void;
  onCommit: () => void;
  disabled?: boolean;
}

/** Indicators × the round's three years; computed lines (e.g. service share) follow the typed numbers live. */
export function YearTableInput({ field, value, ctx, onChange, onCommit, disabled }: Props) {
  const typed = inputLines(field, value);
  const shown = computeIndicators(field, typed);

  const setCell = (indicator: string, year: string, v: number | null) => {
    const next: Table = { ...typed, [indicator]: { ...(typed[indicator] ?? {}), [year]: v } };
    const hasAny = Object.values(next).some((line) => Object.values(line).some((c) => c !== null));
    onChange(hasAny ? next : null);
  };

  return (
    <YearTable
      field={field}
      ctx={ctx}
      wrapperTestId={`field-${field.key}`}
      labelNote={(ind) => (ind.optional ? <span className="year-table-unit"> 选填</span> : null)}
      cell={(ind, y) => {
        const testId = `cell-${field.key}-${ind.key}-${y}`;
        if (ind.computed) {
          return (
            <td data-testid={testId} title="根据上方数据自动计算">
              {formatComputed(shown[ind.key]?.[y], ind.unit)}
            </td>
          );
        }
        return (
          <td>
            <InputNumber<number>
              data-testid={testId}
              aria-label={`${y}年${ind.label}`}
              controls={false}
              style={{ width: '100%' }}
              min={ind.min}
              max={ind.max}
              inputMode="decimal"
              disabled={disabled}
              value={typed[ind.key]?.[y] ?? null}
              onChange={(v) => setCell(ind.key, y, typeof v === 'number' ? v : null)}
              onPressEnter={onCommit}
              onBlur={onCommit}
            />
          </td>
        );
      }}
    />
  );
}
