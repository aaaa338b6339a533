/**
 * Application numbers (申报编号): `<round>-<region>-<category letter><sequence><check>`,
 * e.g. N3-440300-E00017K. The sequence runs per round, region and category; the last character is
 * an ISO 7064 MOD 37,36 check character over everything before it (hyphens ignored), so a mistyped
 * character or two swapped neighbours are caught when an authority types a paper copy's number.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

function body(s: string): string {
  return s.replace(/-/g, '').toUpperCase();
}

export function checkCharacter(input: string): string {
  let p = M;
  for (const ch of body(input)) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`invalid character ${ch}`);
    let s = (p + v) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M]!;
}

export function formatApplicationNumber(parts: { roundCode: string; regionCode: string; letter: string; sequence: number }): string {
  const head = `${parts.roundCode}-${parts.regionCode}-${parts.letter}${String(parts.sequence).padStart(5, '0')}`;
  return head + checkCharacter(head);
}

export const APPLICATION_NUMBER_PATTERN = /^[A-Z0-9]{1,8}-\d{6}-[A-Z]\d{5,}[0-9A-Z]$/;

export function isValidApplicationNumber(input: string): boolean {
  const n = input.trim().toUpperCase();
  if (!APPLICATION_NUMBER_PATTERN.test(n)) return false;
  return checkCharacter(n.slice(0, -1)) === n.slice(-1);
}
