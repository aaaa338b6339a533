/** Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, last one a check character. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid USCC character ${first17[i]}`);
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'charset' | 'region' | 'check';

/** Returns null for a valid code, otherwise what is wrong with it. */
export function usccProblem(input: string): UsccProblem | null {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CHARSET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有无效字符（不使用I、O、Z、S、V）',
  region: '统一社会信用代码第3-8位应为行政区划代码',
  check: '统一社会信用代码校验位不正确，请核对',
};

export function isValidUscc(input: string): boolean {
  return usccProblem(input) === null;
}
