import { Checkbox, DatePicker, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { labelFor, optionsFor, type FieldSpec, type FormContext } from '@fw/shared';
import { asNumber, asString, asStringArray, emptyToNull } from './normalize';

export interface FieldInputProps {
  field: FieldSpec;
  value: unknown;
  ctx: FormContext;
  /** A new value was typed or chosen (already normalised: empty → null). */
  onChange: (value: unknown) => void;
  /** Save now: Enter, leaving the field, or a discrete choice. */
  onCommit: () => void;
  disabled?: boolean;
  testId: string;
}

/** One scalar field of the spec as the matching antd input; tables live in YearTableInput / RowsInput. */
export function FieldInput({ field, value, ctx, onChange, onCommit, disabled, testId }: FieldInputProps) {
  const choose = (v: unknown) => {
    onChange(emptyToNull(v));
    onCommit();
  };
  switch (field.type) {
    case 'textarea':
      return (
        <Input.TextArea
          data-testid={testId}
          value={asString(value)}
          maxLength={field.maxLength}
          showCount={field.maxLength !== undefined}
          autoSize={{ minRows: 3, maxRows: 14 }}
          placeholder={field.placeholder}
          disabled={disabled}
          onChange={(e) => onChange(emptyToNull(e.target.value))}
          onBlur={onCommit}
        />
      );
    case 'integer':
    case 'number': {
      const input = (
        <InputNumber<number>
          data-testid={testId}
          style={{ width: '100%' }}
          value={asNumber(value)}
          min={field.min}
          max={field.max}
          precision={field.type === 'integer' ? 0 : undefined}
          placeholder={field.placeholder}
          disabled={disabled}
          inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          onPressEnter={onCommit}
          onBlur={onCommit}
        />
      );
      return field.unit ? (
        <Space.Compact style={{ width: '100%' }}>
          {input}
          <Space.Addon>{field.unit}</Space.Addon>
        </Space.Compact>
      ) : (
        input
      );
    }
    case 'date':
    case 'yearMonth': {
      const fmt = field.type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM';
      const s = asString(value);
      return (
        <DatePicker
          data-testid={testId}
          style={{ width: '100%' }}
          picker={field.type === 'date' ? 'date' : 'month'}
          format={fmt}
          value={s && dayjs(s, fmt).isValid() ? dayjs(s, fmt) : null}
          disabled={disabled}
          onChange={(d) => choose(d ? d.format(fmt) : null)}
          onBlur={onCommit}
        />
      );
    }
    case 'select':
    case 'multiselect': {
      const options = optionsFor(field, ctx).map((o) => ({ value: o, label: o }));
      const multiple = field.type === 'multiselect';
      return (
        <Select
          data-testid={testId}
          style={{ width: '100%' }}
          mode={multiple ? 'multiple' : undefined}
          maxCount={multiple ? field.maxItems : undefined}
          options={options}
          allowClear
          placeholder={field.placeholder ?? '请选择'}
          disabled={disabled}
          value={multiple ? asStringArray(value) : asString(value) || undefined}
          onChange={(v: string | string[] | undefined) => choose(v ?? null)}
        />
      );
    }
    case 'boolean':
      return (
        <Radio.Group
          data-testid={testId}
          disabled={disabled}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => choose(e.target.value as boolean)}
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
        />
      );
    case 'declaration':
      return (
        <Checkbox data-testid={testId} disabled={disabled} checked={value === true} onChange={(e) => choose(e.target.checked ? true : null)}>
          {labelFor(field, ctx)}
        </Checkbox>
      );
    default:
      return (
        <Input
          data-testid={testId}
          value={asString(value)}
          maxLength={field.maxLength}
          placeholder={field.placeholder}
          disabled={disabled}
          inputMode={field.type === 'mobile' || field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : undefined}
          onChange={(e) => onChange(emptyToNull(e.target.value))}
          onPressEnter={onCommit}
          onBlur={onCommit}
        />
      );
  }
}
