import { isCommonPassword } from './passwordBlocklist.js';

/** Password policy shown in every password form and enforced by the server. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
export const PASSWORD_POLICY_TEXT = '至少8位，且包含大写字母、小写字母、数字、符号中的至少3类';

export function passwordProblem(pw: string): string | null {
  if (pw.length < PASSWORD_MIN_LENGTH) return `密码长度至少${PASSWORD_MIN_LENGTH}位`;
  if (pw.length > PASSWORD_MAX_LENGTH) return `密码长度不能超过${PASSWORD_MAX_LENGTH}位`;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少3类';
  if (isCommonPassword(pw)) return '该密码过于常见，请换一个';
  return null;
}
