import type { Locator, Page } from 'playwright-core';
import { allFields, formSpecFor, isReadOnly, type Category, type FieldSpec, type FormContext } from '@fw/shared';

/** Types a value into the input behind a data-testid (the id may sit on the input or on its wrapper). */
async function typeInto(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId).first();
  const input: Locator = (await el.evaluate((n) => n.tagName === 'INPUT' || n.tagName === 'TEXTAREA')) ? el : el.locator('input, textarea').first();
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

/** Picks options in an antd Select (single or multiple) by their text. */
async function choose(page: Page, testId: string, values: string[]) {
  const select = page.getByTestId(testId).first();
  await select.click();
  for (const v of values) {
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${v.replace(/[()（）]/g, '.')}$`) }).first().click();
  }
  await page.keyboard.press('Escape');
}

async function fillField(page: Page, f: FieldSpec, value: unknown, testId: string, ctx: FormContext) {
  if (value === null || value === undefined) return;
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'mobile':
    case 'email':
    case 'phone':
    case 'integer':
    case 'number':
      return typeInto(page, testId, String(value));
    case 'date':
    case 'yearMonth': {
      const input = page.getByTestId(testId).locator('input').first();
      const el = (await input.count()) ? input : page.getByTestId(testId).first();
      await el.click();
      await el.fill(String(value));
      await el.press('Enter');
      return;
    }
    case 'select':
      return choose(page, testId, [String(value)]);
    case 'multiselect':
      return choose(page, testId, value as string[]);
    case 'boolean':
      await page.getByTestId(testId).getByText(value ? '是' : '否', { exact: true }).click();
      return;
    case 'declaration':
      if (value === true) await page.getByTestId(testId).click();
      return;
    case 'yearTable':
      for (const [ind, years] of Object.entries(value as Record<string, Record<string, number>>)) {
        for (const [year, v] of Object.entries(years)) await typeInto(page, `cell-${f.key}-${ind}-${year}`, String(v));
      }
      return;
    case 'rows': {
      const rows = value as Record<string, unknown>[];
      for (const [i, row] of rows.entries()) {
        if ((await page.getByTestId(`row-${f.key}-${i}`).count()) === 0) await page.getByTestId(`row-add-${f.key}`).click();
        for (const col of f.columns ?? []) await fillField(page, col, row[col.key], `field-${f.key}-${i}-${col.key}`, ctx);
      }
      return;
    }
  }
}

/**
 * Fills every editable field of the category's form through the UI, as a person would: typing,
 * choosing from dropdowns, ticking declarations, and filling the three-year table cell by cell.
 */
export async function fillApplicationForm(page: Page, category: Category, data: Record<string, unknown>, ctx: FormContext) {
  // The form renders once the application has loaded; only then can a missing field mean "hidden".
  await page.getByTestId('save-status').waitFor();
  let filled = 0;
  for (const f of allFields(formSpecFor(category))) {
    if (isReadOnly(f) || data[f.key] === undefined) continue;
    if ((await page.getByTestId(`field-${f.key}`).count()) === 0) continue; // hidden by showIf
    await fillField(page, f, data[f.key], `field-${f.key}`, ctx);
    filled++;
  }
  return filled;
}
