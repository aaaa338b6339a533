import path from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../support/fixture.js';
import { screenshot } from '../support/browser.js';
import { dragOnto, loginAsAuthority, logout, readXlsxRows } from '../support/authority.js';

// Submitted Shenzhen enterprises of the demo data (apps/server/src/db/seed/demo.ts); C stays unrecommended.
const A = '深圳福田精密仪器有限公司';
const B = '深圳南山工业设计服务有限公司';
const C = '深圳智造装备股份有限公司';

describe('[authority] a city closes, checks and ranks two applicants; the province sees them in that order and exports', () => {
  const rowNames = (page: Page) => page.locator('.authority-table tbody tr[data-row-key] [data-testid=row-name]').allInnerTexts();
  const row = (page: Page, name: string) => page.locator('.authority-table tbody tr[data-row-key]').filter({ hasText: name });

  async function saveDownload(page: Page, click: () => Promise<void>, file: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    await download.saveAs(file);
    return file;
  }

  /** The recommended names of the exported table, in the table's order. */
  async function namesInXlsx(file: string): Promise<string[]> {
    const rows = await readXlsxRows(file);
    return rows.flatMap((r) => r.filter((c) => [A, B, C].includes(c)));
  }

  async function closeRound(page: Page, expectedCount: number) {
    await page.getByTestId('btn-close-round').click();
    await expect.poll(() => page.getByTestId('close-count').innerText()).toBe(String(expectedCount));
    await page.waitForTimeout(400); // the modal's opening animation, for the screenshot
    return async () => {
      await page.getByTestId('btn-confirm-close').click();
      await expect.poll(() => page.getByTestId('round-state').innerText()).toContain('已截止');
    };
  }

  async function recommend(page: Page, name: string, rank: number) {
    await row(page, name).getByTestId('btn-recommend').click();
    await expect.poll(() => row(page, name).getByTestId('rank').innerText()).toBe(String(rank));
  }

  test('walks the review and recommendation in Chromium', async ({ server, page, tmp }) => {

    // 1. The city authority closes applications for Shenzhen (four submitted in the demo data).
    await loginAsAuthority(page, 'sz_gxj');
    await screenshot(page, 'authority-01-rounds');
    const confirmClose = await closeRound(page, 4);
    await screenshot(page, 'authority-02-close-confirm');
    await confirmClose();

    // 2. The list of enterprises: three, none recommended yet.
    await page.getByTestId('btn-open-list').click();
    await page.waitForURL(/\/authority\/rounds\/[^/]+$/);
    await expect.poll(async () => (await rowNames(page)).sort()).toEqual([A, B, C].sort());
    const roundUrl = page.url();
    await screenshot(page, 'authority-03-list');

    // 3. Completeness check of A and B on their detail pages; an opinion for B.
    for (const name of [A, B]) {
      await row(page, name).getByTestId('row-name').click();
      await page.waitForURL(/\/authority\/applications\//);
      await expect.poll(() => page.getByTestId('detail-name').innerText()).toBe(name);
      await page.getByTestId('btn-check-pass').click();
      await expect.poll(() => page.getByTestId('detail-check-status').innerText()).toBe('已通过');
      if (name === B) {
        await page.getByTestId('opinion').fill('该企业服务型制造转型成效显著，同意推荐。');
        await page.getByTestId('btn-save-opinion').click();
        await expect.poll(() => page.getByTestId('btn-save-opinion').isDisabled()).toBe(true);
        await screenshot(page, 'authority-04-detail');
        await page.getByRole('tab', { name: /上传材料/ }).click();
        await page.getByTestId('detail-files').waitFor();
        await screenshot(page, 'authority-05-detail-files');
      }
      await page.goBack();
      await page.waitForURL(roundUrl);
    }
    await expect.poll(() => row(page, A).getByTestId('check-status').innerText()).toBe('已通过');

    // 4. Recommend A, then B; then drag B above A: B is first.
    await recommend(page, A, 1);
    await recommend(page, B, 2);
    expect((await rowNames(page)).slice(0, 2)).toEqual([A, B]);
    const handleOf = async (name: string) => {
      const box = (await row(page, name).getByTestId('drag-handle').boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    await dragOnto(page, await handleOf(B), await handleOf(A));
    await expect.poll(async () => (await rowNames(page)).slice(0, 2)).toEqual([B, A]);
    await expect.poll(() => row(page, B).getByTestId('rank').innerText()).toBe('1');
    await screenshot(page, 'authority-06-ranked');

    // 5. The city's summary table: B then A.
    const cityXlsx = await saveDownload(page, () => page.getByTestId('btn-export-xlsx').click(), path.join(tmp, 'city.xlsx'));
    expect(await namesInXlsx(cityXlsx)).toEqual([B, A]);

    // 6. Paper check: A's number matches; an unknown number is flagged.
    const numberA = (await row(page, A).locator('.authority-number').innerText()).trim();
    await page.getByRole('menuitem', { name: /纸质材料核对/ }).click();
    await page.getByTestId('paper-input').locator('input').fill(`${server.url}/verify/${numberA}`);
    await page.getByTestId('paper-input').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('paper-result').innerText()).toContain('一致');
    await screenshot(page, 'authority-07-paper');
    await page.getByTestId('paper-input').locator('input').fill('N3-440300-E0000ZZ');
    await page.getByTestId('paper-input').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('paper-result').innerText()).toContain('未找到');

    // 7. Summary view and the audit log.
    await page.getByRole('menuitem', { name: /推荐汇总/ }).click();
    await expect.poll(() => page.getByTestId('summary-name').allInnerTexts()).toEqual([B, A]);
    await screenshot(page, 'authority-08-summary');
    await page.getByRole('menuitem', { name: /操作日志/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    await screenshot(page, 'authority-09-audit');
    await logout(page);

    // 8. The province sees exactly the two recommended by Shenzhen, in Shenzhen's order.
    await loginAsAuthority(page, 'gd_gxt');
    await page.getByTestId('btn-open-list').click();
    await expect.poll(() => rowNames(page)).toEqual([B, A]);
    await screenshot(page, 'authority-10-province-list');
    await row(page, B).getByTestId('row-name').click();
    await page.getByRole('tab', { name: /提交与审核记录/ }).click();
    await expect.poll(() => page.getByTestId('detail-lower-reviews').innerText()).toContain('已推荐，第1位');
    await screenshot(page, 'authority-11-province-detail');
    await page.goBack();

    // 9. The province closes, recommends in that order and exports its summary table.
    await page.getByRole('menuitem', { name: /申报管理/ }).click();
    const confirmProvince = await closeRound(page, 2);
    await confirmProvince();
    await page.getByTestId('btn-open-list').click();
    await expect.poll(() => rowNames(page)).toEqual([B, A]);
    await recommend(page, B, 1);
    await recommend(page, A, 2);
    const provinceXlsx = await saveDownload(page, () => page.getByTestId('btn-export-xlsx').click(), path.join(tmp, 'province.xlsx'));
    const rows = await readXlsxRows(provinceXlsx);
    expect(rows.some((r) => r.join('').includes('广东省工业和信息化厅'))).toBe(true);
    expect(await namesInXlsx(provinceXlsx)).toEqual([B, A]);
  }, 420_000);

  test('returns and reopens one section for an applicant, who sees why and may change only that section', async ({ page }) => {

    // The city (closed in the first test) returns C and opens its first section for three days.
    await loginAsAuthority(page, 'sz_gxj');
    await page.getByTestId('btn-open-list').click();
    await row(page, C).getByTestId('row-name').click();
    await page.waitForURL(/\/authority\/applications\//);
    const applicationId = page.url().split('/').pop()!;
    await page.getByTestId('btn-check-return').click();
    await page.getByTestId('return-reason').fill('营业收入数据与审计报告不一致，请核对。');
    await page.getByTestId('btn-return-confirm').click();
    await expect.poll(() => page.getByTestId('detail-check-status').innerText()).toBe('已退回');
    await page.getByTestId('btn-reopen').click();
    await page.getByTestId('reopen-reason').fill('请更正企业基本情况中的员工人数');
    await page.getByRole('dialog').getByLabel('一、企业基本情况').check();
    await page.waitForTimeout(400);
    await screenshot(page, 'authority-12-reopen');
    await page.getByTestId('btn-reopen-submit').click();
    await expect.poll(() => page.locator('.authority-alert').first().innerText()).toContain('临时开放修改中');
    await logout(page);

    // The applicant sees both, and only the opened section is editable.
    await page.goto('/login');
    await page.getByPlaceholder('请输入手机号或账号').fill('13800000003');
    await page.getByPlaceholder('请输入密码').fill('Demo@2026');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`/applications/${applicationId}/edit`);
    await expect.poll(() => page.getByTestId('banner-returned').innerText()).toContain('营业收入数据与审计报告不一致');
    await expect.poll(() => page.getByTestId('banner-reopening').innerText()).toContain('请更正企业基本情况中的员工人数');
    const disabled = (testId: string) =>
      page.getByTestId(testId).first().evaluate((el) => ((el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement | null)?.disabled ?? null);
    await expect.poll(() => disabled('field-mainBusiness')).toBe(false);
    expect(await page.locator('[data-testid^="cell-indicators-"]').first().evaluate((el) => ((el.matches('input') ? el : el.querySelector('input')) as HTMLInputElement).disabled)).toBe(true);
    await screenshot(page, 'authority-13-applicant-reopened');
  }, 240_000);
});
