import path from 'node:path';
import { describe, expect } from 'vitest';
import type { DashboardResponse } from '@fw/shared';
import { test } from '../support/fixture.js';
import { screenshot } from '../support/browser.js';
import { loginAsAuthority, readXlsxRows } from '../support/authority.js';

describe('[dashboard] a city authority opens 数据看板: charts drawn under the CSP, one figure downloaded as Excel', () => {
  test('draws every card and downloads 申报数量（按类别） with the same numbers', async ({ page, tmp }) => {
    await loginAsAuthority(page, 'sz_gxj');
    await page.getByRole('menuitem', { name: /数据看板/ }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByTestId('dashboard-grid').waitFor();

    // The numbers the page drew, as the API gave them to it.
    const roundLabel = await page.getByTestId('dashboard-round').innerText();
    const board = await page.evaluate(async () => {
      const rounds = (await (await fetch('/api/authority/rounds')).json()) as { id: string }[];
      const id = new URL(location.href).searchParams.get('round') ?? rounds[0]!.id;
      return (await (await fetch(`/api/dashboard/rounds/${id}`)).json()) as DashboardResponse;
    });
    expect(roundLabel).toContain(board.round.name);
    expect(board.scope.regionCode).toBe('440300');
    const category = board.figures.find((f) => f.key === 'category')!;
    const total = category.series[0]!.data.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);

    // Every non-empty figure is an ECharts canvas.
    await page.getByTestId('chart-category').locator('canvas').waitFor();
    const drawn = board.figures.filter((f) => f.labels.length > 0 && f.series.some((s) => s.data.some((n) => n > 0)));
    for (const f of drawn) await page.getByTestId(`chart-${f.key}`).locator('canvas').waitFor();
    expect(await page.locator('.dashboard-card canvas').count()).toBeGreaterThanOrEqual(drawn.length);
    await page.waitForTimeout(800); // ECharts' entry animation, for the screenshot
    await screenshot(page, 'dashboard-01-city');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-category').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(tmp, 'category.xlsx');
    await download.saveAs(file);
    const rows = await readXlsxRows(file);
    expect(rows[0]![0]).toBe('申报数量（按类别）');
    expect(rows[2]).toEqual(['类别', '申报数']);
    const body = rows.slice(3, -1).map(([label, n]) => [label, Number(n)]);
    expect(body).toEqual(category.labels.map((l, i) => [l, category.series[0]!.data[i]]));
    expect(rows.at(-1)).toEqual(['合计', String(total)]);

    // The Shenzhen round, which the city organises: the organiser's cards join in.
    await page.getByTestId('dashboard-round').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '深圳' }).click();
    await page.getByTestId('figure-reviewProgress').waitFor();
    await page.getByTestId('figure-decisions').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-scope').innerText()).toContain('主办方');
    await page.waitForTimeout(800);
    await screenshot(page, 'dashboard-02-organiser');
  });
});
