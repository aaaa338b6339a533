import { Form, Input } from 'antd';
import { displayValue, formatText, labelFor, type FieldSpec, type FormContext } from '@fw/shared';
import { FieldInput } from './FieldInput';
import { RowsInput } from './RowsInput';
import { YearTableInput } from './YearTableInput';

export interface FieldItemProps {
  field: FieldSpec;
  value: unknown;
  ctx: FormContext;
  /** Set for read-only fields (from the organisation or fixed by the round). */
  readOnlyValue?: { value: unknown } | undefined;
  error?: string | undefined;
  /** Typed here but not yet acknowledged by the server. */
  unsaved?: boolean;
  disabled?: boolean;
  onChange: (key: string, value: unknown) => void;
  onCommit: () => void;
}

/** A labelled form row: help or error under the input; the anchor target for links from the confirm page. */
export function FieldItem({ field, value, ctx, readOnlyValue, error, unsaved, disabled, onChange, onCommit }: FieldItemProps) {
  const testId = `field-${field.key}`;
  const help = error ?? (field.help ? formatText(field.help, ctx) : undefined);
  const label = field.type === 'declaration' ? null : (
    <span>
      {labelFor(field, ctx)}
      {field.unit && field.type !== 'integer' && field.type !== 'number' ? `（${field.unit}）` : ''}
      {unsaved ? <span className="field-unsaved" title="尚未保存到服务器">●</span> : null}
    </span>
  );
  const change = (v: unknown) => onChange(field.key, v);

  let input;
  if (readOnlyValue) {
    const text = readOnlyValue.value === null || readOnlyValue.value === undefined ? '' : displayValue(field, readOnlyValue.value);
    input = <Input data-testid={testId} readOnly variant="filled" value={text} placeholder="（未获取到认证信息）" />;
  } else if (field.type === 'yearTable') {
    input = <YearTableInput field={field} value={value} ctx={ctx} onChange={change} onCommit={onCommit} disabled={disabled} />;
  } else if (field.type === 'rows') {
    input = <RowsInput field={field} value={value} ctx={ctx} onChange={change} onCommit={onCommit} disabled={disabled} />;
  } else {
    input = <FieldInput field={field} value={value} ctx={ctx} onChange={change} onCommit={onCommit} disabled={disabled} testId={testId} />;
  }

  return (
    <div id={`field-anchor-${field.key}`} className="field-anchor">
      <Form.Item
        label={label}
        required={field.required && !readOnlyValue}
        validateStatus={error ? 'error' : undefined}
        help={help}
        style={{ marginBottom: 16 }}
      >
        {input}
      </Form.Item>
    </div>
  );
}
