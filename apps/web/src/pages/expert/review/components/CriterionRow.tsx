import { InputNumber } from 'antd';
import type { RubricCriterion } from '@fw/shared';

interface Props {
  criterion: RubricCriterion;
  value: number | null | undefined;
  error?: string;
  readOnly: boolean;
  onChange: (value: number | null) => void;
}

/** One rubric criterion: what to look for, the points it carries and the expert's score (0.1 steps). */
export function CriterionRow({ criterion: c, value, error, readOnly, onChange }: Props) {
  return (
    <div className={error ? 'expert-criterion expert-criterion-error' : 'expert-criterion'} data-testid={`criterion-${c.key}`}>
      <div className="expert-criterion-head">
        <label className="expert-criterion-label" htmlFor={`score-${c.key}`}>
          {c.label}
        </label>
        <span className="expert-criterion-score">
          {readOnly ? (
            <b data-testid={`score-${c.key}`}>{value ?? '—'}</b>
          ) : (
            <InputNumber
              id={`score-${c.key}`}
              size="small"
              min={0}
              max={c.maxPoints}
              step={0.1}
              precision={1}
              value={value ?? null}
              onChange={(v) => onChange(typeof v === 'number' ? v : null)}
              status={error ? 'error' : undefined}
              style={{ width: 84 }}
              inputMode="decimal"
              data-testid={`score-${c.key}`}
            />
          )}
          <span className="expert-criterion-max"> / {c.maxPoints} 分</span>
        </span>
      </div>
      {c.guidance.length ? (
        <ul className="expert-criterion-guidance">
          {c.guidance.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : null}
      {error ? <div className="expert-criterion-message" role="alert">{error}</div> : null}
    </div>
  );
}
