import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { THIRD_NATIONAL_ROUND, isValidApplicationNumber } from '@fw/shared';
import { test } from '../support/fixture.js';
import { screenshot } from '../support/browser.js';
import { fillApplicationForm } from '../support/fillForm.js';
import { sampleApplicationData } from '../../apps/server/src/db/seed/sampleApplication.js';
import { makeDocx, makePdf } from '../../apps/server/src/services/documents/sampleDocuments.js';

const ORG = '广州云链供应链管理有限公司';
const PASSWORD = 'Shenbao#2026';

describe('[applicant] registers, certifies, fills, uploads, submits and exports the PDF', () => {
  /** The code the outbox page shows for the masked number, newest first. */
  async function codeFromOutbox(page: Page, mobile: string): Promise<string> {
    const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
    await page.goto('/outbox');
    const row = page.getByTestId('outbox-row').filter({ hasText: masked }).first();
    await row.waitFor();
    return /验证码为(\d{6})/.exec(await row.innerText())![1]!;
  }

  test('walks the whole journey in Chromium', async ({ context, page, tmp }) => {
    const outbox = await context.newPage();
    const mobile = `139${String(Date.now()).slice(-8)}`;

    // 1. Register with the SMS code read from the outbox.
    await page.goto('/register');
    await page.getByLabel('手机号').fill(mobile);
    await page.getByRole('button', { name: /获取验证码/ }).click();
    const code = await codeFromOutbox(outbox, mobile);
    await page.getByPlaceholder('6位数字验证码').fill(code);
    await page.getByPlaceholder('请设置密码').fill(PASSWORD);
    await page.getByPlaceholder('请再次输入密码').fill(PASSWORD);
    await screenshot(page, '01-register');
    await page.locator('form button[type=submit]').click();

    // 2. Entry, certification from the registry (name + Enter), contact person.
    await page.getByTestId('entry-enterprise').click();
    await page.getByRole('button', { name: /下一步|确定|继续/ }).click();
    const search = page.getByTestId('registry-search').locator('input').first();
    await search.fill(ORG);
    await search.press('Enter');
    await page.getByTestId('registry-record').waitFor();
    await expect.poll(() => page.getByTestId('registry-record').innerText()).toContain('91440100');
    await screenshot(page, '02-certify');
    await page.getByRole('button', { name: /确认并提交认证/ }).click();
    await page.getByLabel('联系人姓名').fill('林小红');
    await page.getByLabel('职务').fill('综合管理部部长');
    await page.getByLabel('手机号').fill('13911112222');
    await page.getByLabel('电子邮箱').fill('linxh@example.cn');
    await page.getByRole('button', { name: /保\s*存|提\s*交|下一步/ }).click();

    // 3. Start an enterprise application.
    await page.getByTestId('start-application').click();
    await page.getByLabel('申报批次').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByLabel('示范企业').check();
    await page.getByRole('button', { name: /开始填报|确\s*定/ }).click();
    await page.waitForURL(/\/applications\/.+\/edit/);

    // 4. Fill the whole enterprise form through the UI.
    const ctx = { round: THIRD_NATIONAL_ROUND, subType: null };
    const data = sampleApplicationData('enterprise', ctx, 7);
    expect(await fillApplicationForm(page, 'enterprise', data, ctx)).toBeGreaterThan(15);
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 30_000 }).toMatch(/已保存/);

    // 5. Upload a real .docx and a real .pdf.
    const docx = path.join(tmp, '企业说明材料.docx');
    const pdf = path.join(tmp, '审计报告.pdf');
    fs.writeFileSync(docx, makeDocx('广州云链供应链管理有限公司 服务型制造示范企业说明材料'));
    fs.writeFileSync(pdf, await makePdf('Audit report'));
    await page.getByTestId('upload-narrative').setInputFiles(docx);
    await page.getByTestId('upload-supporting').setInputFiles(pdf);
    await page.getByTestId('file-narrative').getByText('企业说明材料.docx').waitFor({ timeout: 30_000 });
    await page.getByTestId('file-supporting').getByText('审计报告.pdf').waitFor({ timeout: 30_000 });
    await screenshot(page, '03-edit');

    // 6. Confirm and submit.
    await page.getByTestId('btn-next').click();
    await page.waitForURL(/\/confirm/);
    await screenshot(page, '04-confirm');
    await page.getByTestId('btn-submit').click();
    await page.waitForURL(/\/complete/);
    const number = (await page.getByTestId('application-number').innerText()).trim();
    expect(isValidApplicationNumber(number)).toBe(true);
    await screenshot(page, '05-complete');

    // 7. Export the PDF and read its text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-pdf').click()]);
    const book = path.join(tmp, 'book.pdf');
    await download.saveAs(book);
    const text = execFileSync('pdftotext', ['-layout', book, '-'], { encoding: 'utf8' });
    expect(text).toContain(ORG);
    expect(text).toContain(number);

    // The public verification page agrees that this is the current submission.
    await page.goto(`/verify/${number}`);
    await expect.poll(() => page.getByTestId('verify-verdict').innerText()).toMatch(/有效/);
  }, 420_000);
});
