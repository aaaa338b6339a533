import ExcelJS from 'exceljs';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';

/** The demo authorities' password (apps/server/src/db/seed/authorities.ts). */
export const AUTHORITY_PASSWORD = 'Demo@2026';

// The demo authorities' fixed TOTP secrets, as the seed defines and prints them.
import { DEMO_TOTP_SECRETS } from '../../apps/server/src/db/seed/authorities.js';
import { DEMO_EXPERT_TOTP_SECRETS } from '../../apps/server/src/db/seed/expertSecrets.js';

/** The last time step whose code each account used: the server takes a code once only. */
const usedStep = new Map<string, number>();

/**
 * A code the server will accept now: the current step's, or, when that one was used already, the
 * next step's (the server accepts one step either side); later than that, wait for the clock.
 */
export async function nextTotpCode(username: string): Promise<string> {
  const secret = DEMO_TOTP_SECRETS[username] ?? DEMO_EXPERT_TOTP_SECRETS[username];
  if (!secret) throw new Error(`no demo TOTP secret for ${username}`);
  const step = () => Math.floor(Date.now() / 30_000);
  let use = Math.max(step(), (usedStep.get(username) ?? -1) + 1);
  while (use > step() + 1) await new Promise((r) => setTimeout(r, 1000));
  // Too close to the end of a step the code may age out in transit: wait for the next one.
  if (use === step() && Date.now() % 30_000 > 27_000) use += 1;
  usedStep.set(username, use);
  return generateSync({ secret, epoch: use * 30 + 1 });
}

/** Logs in through the login page with an issued user name and its demo code, and waits for the authority home. */
export async function loginAsAuthority(page: Page, username: string, password = AUTHORITY_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByPlaceholder('请输入手机号或账号').fill(username);
  await page.getByPlaceholder('请输入密码').fill(password);
  await page.locator('form button[type=submit]').click();
  // Second step: the demo authorities have TOTP in force.
  await page.getByPlaceholder('请输入6位动态口令').fill(await nextTotpCode(username));
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/authority$/);
  await page.getByTestId('round-card').waitFor();
}

/** Logs out with the top bar's button. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.waitForURL(/\/login/);
}

/** Every row of the first worksheet as trimmed cell texts (empty rows left out). */
export async function readXlsxRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text.trim()));
    if (cells.some((c) => c)) rows.push(cells);
  });
  return rows;
}

/** Drags one element onto another with small mouse steps (dnd-kit's pointer sensor needs real moves). */
export async function dragOnto(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y - 6, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.move(to.x, to.y - 4, { steps: 3 });
  await page.mouse.up();
}
