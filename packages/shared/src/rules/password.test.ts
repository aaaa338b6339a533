import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password.js';
import { BLOCKLIST_SIZE, isCommonPassword, isKeyboardPattern } from './passwordBlocklist.js';

const COMMON = '该密码过于常见，请换一个';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789@#%+=?';
/** Deterministic pseudo-random passwords (a fixed LCG), so the test never flakes. */
let seed = 20260101;
const generatePasswordForTest = () => {
  let s = '';
  for (let i = 0; i < 12; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    s += ALPHABET[seed % ALPHABET.length];
  }
  return s;
};

describe('password policy', () => {
  it('accepts 8+ characters from at least three classes that are no known pattern', () => {
    for (const pw of ['Qiye@2026x', 'Demo@2026', 'Shenzhen@2026', 'NewPass#2026', 'Tr0ub4dor&3', 'k9#Vm2pLx', '服务型制造Ab1!']) expect(passwordProblem(pw), pw).toBeNull();
  });

  it('refuses passwords shorter than 8 characters', () => {
    expect(passwordProblem('Ab1!xyz')).toBe('密码长度至少8位');
  });

  it('refuses passwords longer than the maximum', () => {
    const body = 'Kq7#mZ2v'.repeat(8);
    expect(passwordProblem(`${body}x`)).toBe('密码长度不能超过64位');
    expect(passwordProblem(body.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
  });

  it('refuses passwords with fewer than three character classes', () => {
    for (const pw of ['abcdefgh', 'abcdefg1', 'ABCDEFG1', '12345678', 'abcd!@#$']) expect(passwordProblem(pw), pw).toBe('密码需包含大写字母、小写字母、数字、符号中的至少3类');
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('P@ssw0rd')).toBe(COMMON);
    expect(passwordProblem('Admin@123')).toBe(COMMON);
  });

  it('holds a few hundred entries', () => {
    expect(BLOCKLIST_SIZE).toBeGreaterThan(300);
  });

  it.each([
    // a base word with a year, 123 or a symbol at the end, in any case
    'Admin@2024', 'Administrator1!', 'Password2025!', 'Root#2026', 'Welcome@1', 'Test1234!', 'Guest@888',
    // Chinese pinyin favourites, names with a birthday
    'Woaini1314!', 'WoAiNi520@', 'Nihao@123', 'Zhongguo#2026', 'Zhang@1990', 'Wangwei1988!', 'Baobei521!', 'Laopo@1314',
    // leet substitutions and doubled words
    'P@55w0rd!', 'Pa$$w0rd1', 'Adm1n#2026', 'Abcabc@123', 'Woainiwoaini1!',
    // sequences and keyboard walks, shifted digits included
    'Abcdef12', 'Qwer1234!', 'Abc123!@#', '1qaz@WSX', '1Qaz2wsx!', 'Zxcv!234', 'Asdf@1234', 'Qweasdzxc1!', 'Aaaa1111!', '!QAZ2wsx',
    // barely any letters
    'Ab@12345', 'A1!2@3#4',
    // domain words
    'Miit@2026', 'Gongxinbu#1',
  ])('refuses %s as too common', (pw) => {
    expect(passwordProblem(pw)).toBe(COMMON);
  });

  it('tells keyboard walks from random strings', () => {
    expect(isKeyboardPattern('qwertyuiop')).toBe(true);
    expect(isKeyboardPattern('1qaz2wsx3edc')).toBe(true);
    expect(isKeyboardPattern('zrx7hwq2m')).toBe(false);
  });

  it('lets almost every random 12-character password through', () => {
    const samples = Array.from({ length: 500 }, generatePasswordForTest);
    const refused = samples.filter((pw) => isCommonPassword(pw));
    expect(refused.length).toBeLessThan(10);
  });
});
