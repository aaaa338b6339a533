/** Password policy shown in every password form and enforced by the server. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
export const PASSWORD_POLICY_TEXT = '至少8位，且包含大写字母、小写字母、数字、符号中的至少3类';

/** A small blocklist of passwords seen most often in leaks; a later issue may extend it. */
const COMMON = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', 'qwerty123', 'qwer1234', 'admin123', 'admin@123',
  'abc12345', 'abcd1234', 'abc@1234', 'aa123456', 'a1234567', 'a12345678', 'iloveyou1', 'welcome1', 'zxcvbnm1', 'qq123456',
  '1qaz2wsx', '1qaz@wsx', 'qaz123wsx', 'woaini1314', 'test1234', 'root1234', 'letmein1', '12345678a', 'asdf1234', 'qweasdzxc',
]);

export function passwordProblem(pw: string): string | null {
  if (pw.length < PASSWORD_MIN_LENGTH) return `密码长度至少${PASSWORD_MIN_LENGTH}位`;
  if (pw.length > PASSWORD_MAX_LENGTH) return `密码长度不能超过${PASSWORD_MAX_LENGTH}位`;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少3类';
  if (COMMON.has(pw.toLowerCase())) return '该密码过于常见，请换一个';
  return null;
}
