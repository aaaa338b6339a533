import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../support/fixture.js';
import { newContext, screenshot } from '../support/browser.js';
import { AUTHORITY_PASSWORD, loginAsAuthority, logout, nextTotpCode } from '../support/authority.js';

// The demo data (apps/server/src/db/seed/stage45.ts): six N3 applications recommended up to the
// ministry and its pool expert01–06. Two experts review everything here; the others are set aside.
const REVIEWERS = ['expert01', 'expert04'];
const SET_ASIDE = ['expert02', 'expert03', 'expert05', 'expert06'];
const APPLICATIONS = 6;
/** Polls wait as long as a page action may (vitest's default is one second). */
const POLL = { timeout: 15_000 };

/** A JSON call from the logged-in page, with the double-submit CSRF header the web app sends. */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      if (!/fw_csrf=/.test(document.cookie)) await fetch('/api/auth/csrf');
      const token = /(?:^|;\s*)fw_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(token) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, url, body },
  ) as Promise<T>;
}

/** Logs an expert in through the login page (password, then the demo second factor). */
async function loginAsExpert(page: Page, username: string) {
  await page.goto('/login');
  await page.getByPlaceholder('请输入手机号或账号').fill(username);
  await page.getByPlaceholder('请输入密码').fill(AUTHORITY_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.getByPlaceholder('请输入6位动态口令').fill(await nextTotpCode(username));
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/expert$/);
  await page.getByTestId('round-progress').waitFor();
}

/** Declares no conflict on the first undeclared task, scores every criterion through the sheet and submits. */
async function scoreNextTask(page: Page, share: number) {
  await page.getByTestId('task-row').getByTestId('btn-declare').first().click();
  await page.getByRole('button', { name: '声明无利益冲突并开始评审' }).click();
  await page.waitForURL(/\/expert\/assignments\//);
  await page.getByTestId('score-sheet').waitFor();
  const criteria = page.locator('[data-testid^="criterion-"]');
  const n = await criteria.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const c = criteria.nth(i);
    const max = Number(/([\d.]+)\s*分/.exec(await c.locator('.expert-criterion-max').innerText())![1]);
    const input = c.locator('input');
    await input.fill(String(Math.round(max * share * 10) / 10));
    await input.press('Tab');
  }
  await page.getByTestId('sheet-comment').fill('服务型制造转型路径清晰，服务收入占比稳步提升，建议关注推广价值。');
  await page.getByTestId('btn-submit-sheet').click();
  await page.getByTestId('submit-confirm').waitFor();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect.poll(() => page.getByTestId('score-sheet').locator('input').count(), POLL).toBe(0);
}

describe('[review] the ministry assigns experts, they score, the organiser ranks, decides and puts the list on notice', () => {
  test('runs a round from assignment to the public notice and an objection', async ({ server, browser, page }) => {
    // 1. The ministry: two experts per application, only two experts in use.
    await loginAsAuthority(page, 'miit');
    const { rounds } = await api<{ rounds: { id: string; code: string; config: Record<string, unknown> & { review?: object } }[] }>(page, 'GET', '/api/organiser/rounds');
    const n3 = rounds.find((r) => r.code === 'N3')!;
    await api(page, 'PATCH', `/api/organiser/rounds/${n3.id}`, { config: { ...n3.config, review: { ...n3.config.review, perApplication: 2 } } });
    await page.goto(`/organiser/rounds/${n3.id}/assignments`);
    await page.getByTestId('preview-assignments').click();
    await page.getByTestId('assignment-preview').waitFor();
    await page.getByRole('tab', { name: /利益冲突/ }).click();
    await screenshot(page, 'review-00-assignment-preview-whole-pool');
    const pool = await api<{ items: { id: string; username: string | null }[] }>(page, 'GET', '/api/organiser/experts?pageSize=50');
    for (const e of pool.items.filter((x) => SET_ASIDE.includes(x.username ?? ''))) await api(page, 'PATCH', `/api/organiser/experts/${e.id}`, { active: false });

    // 2. 评审分配: preview, then commit.
    await page.reload();
    await page.getByTestId('preview-assignments').click();
    await page.getByTestId('assignment-preview').waitFor();
    await screenshot(page, 'review-01-assignment-preview');
    await page.getByTestId('commit-assignments').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确认分配' }).click();
    await expect.poll(() => page.getByTestId('assignment-preview').count(), POLL).toBe(0);
    await screenshot(page, 'review-02-assigned');
    await logout(page);

    // 3. Each expert declares no conflict and scores all six through the score sheet.
    for (const [k, username] of REVIEWERS.entries()) {
      await loginAsExpert(page, username);
      await expect.poll(() => page.getByTestId('task-row').count(), POLL).toBe(APPLICATIONS);
      if (k === 0) await screenshot(page, 'review-03-expert-tasks');
      for (let i = 0; i < APPLICATIONS; i++) {
        await page.goto('/expert');
        await page.getByTestId('round-progress').waitFor();
        await scoreNextTask(page, k === 0 ? 0.9 - i * 0.06 : 0.6 + i * 0.05);
        if (k === 0 && i === 0) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await screenshot(page, 'review-04-score-sheet-submitted');
        }
      }
      await page.goto('/expert');
      await expect.poll(() => page.getByTestId('progress-submitted').innerText(), POLL).toBe(String(APPLICATIONS));
      await logout(page);
    }

    // 4. 评审结果: the normalised score beside the mean and the trimmed mean.
    await loginAsAuthority(page, 'miit');
    await page.goto(`/organiser/rounds/${n3.id}/ranking`);
    await page.getByTestId('ranking-table').first().waitFor();
    const headers = await page.getByTestId('ranking-table').first().locator('thead th').allInnerTexts();
    const heads = headers.join('|');
    expect(heads).toContain('平均分');
    expect(heads).toContain('去极值平均');
    expect(heads).toContain('标准化分');
    await screenshot(page, 'review-05-ranking');

    // 5. 遴选结果: top two enterprises, one of each other group; release.
    await page.goto(`/organiser/rounds/${n3.id}/decisions`);
    const topN = page.locator('[data-testid^="decisions-topn-"]');
    await topN.first().waitFor();
    for (let i = 0; i < (await topN.count()); i++) {
      const el = topN.nth(i);
      const input = (await el.evaluate((n) => n.tagName === 'INPUT')) ? el : el.locator('input').first();
      const id = await topN.nth(i).getAttribute('data-testid');
      await input.fill(id === 'decisions-topn-enterprise' ? '2' : '1');
      await input.press('Tab');
    }
    await page.getByTestId('decisions-prepare').click();
    await expect.poll(() => page.getByTestId('decisions-release').isEnabled(), POLL).toBe(true);
    await screenshot(page, 'review-06-decisions-draft');
    await page.getByTestId('decisions-release').click();
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await expect.poll(() => page.getByText(/已于 .* 发布/).count(), POLL).toBeGreaterThan(0);
    await page.getByTestId('outbox-send').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^发\s*送$/ }).click();
    await expect.poll(() => page.getByTestId('decisions-outbox').innerText(), POLL).toContain('待发送 0');
    await screenshot(page, 'review-07-decisions-released');

    // 6. 公示与发布: a notice starting now.
    await page.goto(`/organiser/rounds/${n3.id}/notice`);
    await page.getByTestId('create-notice').click();
    const dialog = page.getByRole('dialog');
    // The picker works in Beijing time whatever the browser's zone: now, to the minute, in Beijing.
    const now = await page.evaluate(() => {
      const d = new Date(Date.now() + 8 * 3600_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
    });
    const [start, end] = [dialog.locator('.ant-picker-range input').first(), dialog.locator('.ant-picker-range input').nth(1)];
    await start.click();
    await start.fill(now);
    await start.press('Enter');
    await end.click();
    await end.press('Enter');
    await expect.poll(() => start.inputValue(), POLL).toBe(now);
    await dialog.getByLabel('异议受理联系方式').fill('工业和信息化部产业政策与法规司，电话 010-68205000');
    await screenshot(page, 'review-08-notice-create');
    await dialog.getByRole('button', { name: '创建公示' }).click();
    await expect.poll(() => page.getByText('公示中').count(), POLL).toBeGreaterThan(0);
    await screenshot(page, 'review-09-notice-running');

    // 7. Anyone, on a phone: the notice and an objection with its receipt.
    const phone = await newContext(browser, server.url, { width: 390, height: 844 });
    const visitor = await phone.newPage();
    await visitor.goto('/notice/N3');
    await expect.poll(() => visitor.getByTestId('notice-entry').count(), POLL).toBeGreaterThan(0);
    await screenshot(visitor, 'review-10-public-notice-phone');
    await visitor.getByTestId('objection-entry').click();
    const option = visitor.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
    const firstEntry = (await option.innerText()).replace(/^\d+\.\s*/, '').trim();
    await option.click();
    await visitor.getByTestId('objection-text').fill('该单位申报材料中服务收入数据与公开年报不一致，请核实。');
    await visitor.getByTestId('objection-name').fill('张先生');
    await visitor.getByTestId('objection-contact').fill('13912340000');
    await visitor.getByTestId('objection-submit').click();
    const receipt = (await visitor.getByTestId('objection-receipt').innerText()).trim();
    expect(receipt.length).toBeGreaterThan(4);
    await visitor.evaluate(() => window.scrollTo(0, 0));
    await screenshot(visitor, 'review-11-objection-receipt-phone');
    await phone.close();
    expect(firstEntry.length).toBeGreaterThan(0);

    // 8. The organiser sees the objection by its receipt.
    await page.reload();
    await expect.poll(() => page.getByText(receipt).count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('tr').filter({ hasText: receipt }).innerText()).toContain(firstEntry);
    await screenshot(page, 'review-12-notice-objection');
  }, 600_000);
});
