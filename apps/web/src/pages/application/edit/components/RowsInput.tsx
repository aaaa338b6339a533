import { Button, Col, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldSpec, FormContext } from '@fw/shared';
import { FieldInput } from './FieldInput';
import { isPlainObject } from './normalize';

type RowValue = Record<string, unknown>;

function asRows(value: unknown): RowValue[] {
  return Array.isArray(value) ? value.map((r) => (isPlainObject(r) ? r : {})) : [];
}

interface Props {
  field: FieldSpec;
  value: unknown;
  ctx: FormContext;
  onChange: (value: unknown) => void;
  onCommit: () => void;
  disabled?: boolean;
}

/** Repeated rows of sub-fields (awards, standards, investors …) with add and remove. */
export function RowsInput({ field, value, ctx, onChange, onCommit, disabled }: Props) {
  const rows = asRows(value);
  const columns = field.columns ?? [];
  const full = field.maxItems !== undefined && rows.length >= field.maxItems;
  const span = columns.length <= 2 ? 12 : columns.length === 3 ? 8 : 6;

  const setRows = (next: RowValue[]) => onChange(next.length > 0 ? next : null);
  const setCell = (i: number, col: string, v: unknown) => setRows(rows.map((r, j) => (j === i ? { ...r, [col]: v } : r)));
  const remove = (i: number) => {
    setRows(rows.filter((_, j) => j !== i));
    onCommit();
  };

  return (
    <div className="rows-input" data-testid={`field-${field.key}`}>
      {rows.length === 0 ? <div className="rows-input-empty">暂无，点击下方按钮添加</div> : null}
      {rows.map((row, i) => (
        <div className="rows-input-row" key={i} data-testid={`row-${field.key}-${i}`}>
          <div className="rows-input-row-head">
            <span>第 {i + 1} 项</span>
            {!disabled ? (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(i)} data-testid={`row-remove-${field.key}-${i}`}>
                删除
              </Button>
            ) : null}
          </div>
          <Row gutter={[12, 8]}>
            {columns.map((col) => (
              <Col xs={24} sm={12} lg={span} key={col.key}>
                <div className="rows-input-label">
                  {col.required ? <span className="required-mark">*</span> : null}
                  {col.label}
                </div>
                <FieldInput
                  field={col}
                  value={row[col.key]}
                  ctx={ctx}
                  disabled={disabled}
                  testId={`field-${field.key}-${i}-${col.key}`}
                  onChange={(v) => setCell(i, col.key, v)}
                  onCommit={onCommit}
                />
              </Col>
            ))}
          </Row>
        </div>
      ))}
      {!disabled ? (
        <Button
          block
          type="dashed"
          icon={<PlusOutlined />}
          disabled={full}
          onClick={() => setRows([...rows, {}])}
          data-testid={`row-add-${field.key}`}
        >
          {full ? `最多 ${field.maxItems} 项` : '添加一项'}
        </Button>
      ) : null}
    </div>
  );
}
