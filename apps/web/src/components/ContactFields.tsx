import { Col, Form, Input, Row, type InputProps } from 'antd';
import type { z } from 'zod';
import { zodRule } from '../forms/zodRule';

type ContactPart = 'name' | 'position' | 'mobile' | 'email' | 'phone';

/** One contact input of a form: its form field name, the zod schema it is checked with, a label of its own if any. */
export interface ContactInput {
  name: string;
  schema: z.ZodType;
  label?: string;
}

const PARTS: { part: ContactPart; label: string; input: InputProps }[] = [
  { part: 'name', label: '联系人姓名', input: { maxLength: 30, autoComplete: 'name' } },
  { part: 'position', label: '职务', input: { maxLength: 30, autoComplete: 'organization-title' } },
  { part: 'mobile', label: '手机号', input: { maxLength: 11, inputMode: 'numeric', autoComplete: 'tel' } },
  { part: 'email', label: '电子邮箱', input: { maxLength: 100, inputMode: 'email', autoComplete: 'email' } },
  { part: 'phone', label: '办公电话（选填）', input: { maxLength: 20, placeholder: '如 020-12345678' } },
];

/**
 * The contact person's inputs, two to a row, in one order everywhere (an applicant's contact, the
 * contact an issued authority account binds at first login); each form names the parts it asks for.
 */
export function ContactFields(props: Partial<Record<ContactPart, ContactInput>>) {
  return (
    <Row gutter={16}>
      {PARTS.map(({ part, label, input }) => {
        const field = props[part];
        if (!field) return null;
        return (
          <Col xs={24} md={12} key={part}>
            <Form.Item name={field.name} label={field.label ?? label} rules={[zodRule(field.schema)]}>
              <Input {...input} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
