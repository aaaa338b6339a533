import { Fragment, type ReactNode } from 'react';
import type { FieldSpec, FormContext, IndicatorSpec } from '@fw/shared';

interface Props {
  field: FieldSpec;
  ctx: FormContext;
  /** The `<td>` of one indicator in one year: a number on the confirm page, an input in the form. */
  cell: (indicator: IndicatorSpec, year: string) => ReactNode;
  /** Shown after an indicator's label and unit (the form marks optional lines). */
  labelNote?: (indicator: IndicatorSpec) => ReactNode;
  /** data-testid of the wrapper and of the table, where each page's tests look for them. */
  wrapperTestId?: string;
  tableTestId?: string;
}

/** Indicators × the round's years, computed lines highlighted: the form's input and the confirm page's view alike. */
export function YearTable({ field, ctx, cell, labelNote, wrapperTestId, tableTestId }: Props) {
  const years = ctx.round.indicatorYears.map(String);
  return (
    <div className="year-table-wrap" data-testid={wrapperTestId}>
      <table className="year-table" data-testid={tableTestId}>
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
                {labelNote?.(ind)}
              </th>
              {years.map((y) => (
                <Fragment key={y}>{cell(ind, y)}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
