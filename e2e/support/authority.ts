import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

/** The demo authorities' password (apps/server/src/db/seed/authorities.ts). */
export const AUTHORITY_PASSWORD = 'Demo@2026';

/** Logs in through the login page with an issued user name and waits for the authority home. */
export async function loginAsAuthority(page: Page, username: string, password = AUTHORITY_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByPlaceholder('请输入手机号或账号').fill(username);
  await page.getByPlaceholder('请输入密码').fill(password);
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
