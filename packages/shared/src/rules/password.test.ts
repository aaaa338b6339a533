import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password.js';

describe('password policy', () => {
  it('accepts 8+ characters from at least three classes', () => {
    for (const pw of ['Abcdef12', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', '服务型制造Ab1!']) expect(passwordProblem(pw), pw).toBeNull();
  });

  it('refuses passwords shorter than 8 characters', () => {
    expect(passwordProblem('Ab1!xyz')).toBe('密码长度至少8位');
  });

  it('refuses passwords longer than the maximum', () => {
    expect(passwordProblem(`Ab1!${'x'.repeat(PASSWORD_MAX_LENGTH - 3)}`)).toBe('密码长度不能超过64位');
    expect(passwordProblem(`Ab1!${'x'.repeat(PASSWORD_MAX_LENGTH - 4)}`)).toBeNull();
  });

  it('refuses passwords with fewer than three character classes', () => {
    for (const pw of ['abcdefgh', 'abcdefg1', 'ABCDEFG1', '12345678', 'abcd!@#$']) expect(passwordProblem(pw), pw).toBe('密码需包含大写字母、小写字母、数字、符号中的至少3类');
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('P@ssw0rd')).toBe('该密码过于常见，请换一个');
    expect(passwordProblem('Admin@123')).toBe('该密码过于常见，请换一个');
  });
});
