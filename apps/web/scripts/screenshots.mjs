// Walks the account and organisation pages in headless Chromium at desktop and phone sizes and
// saves PNGs. Needs a running API server: API=http://127.0.0.1:3000 OUT=/tmp/fw-web-shots node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API = process.env.API ?? 'http://127.0.0.1:3000';
const OUT = process.env.OUT ?? '/tmp/fw-web-shots';
const PORT = Number(process.env.WEB_PORT ?? 5199);
mkdirSync(OUT, { recursive: true });

const vite = await createServer({ root, logLevel: 'warn', server: { port: PORT, strictPort: true, hmr: false, watch: null, proxy: { '/api': { target: API } } } });
await vite.listen();
const base = `http://127.0.0.1:${PORT}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 375, height: 812 } };
const randomMobile = () => '139' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');

async function shot(page, name) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  console.log('saved', name);
}

/** Reads the newest code sent to a masked mobile from the outbox page, as the e2e test does. */
async function codeFromOutbox(context, mobile) {
  const page = await context.newPage();
  await page.goto(`${base}/outbox`);
  const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const row = page.getByTestId('outbox-row').filter({ hasText: masked }).first();
  await row.waitFor({ timeout: 10000 });
  const text = await row.innerText();
  await page.close();
  return /\b(\d{6})\b/.exec(text)?.[1];
}

async function register(page, context, mobile) {
  await page.goto(`${base}/register`);
  await page.getByLabel('手机号').fill(mobile);
  await page.getByTestId('send-code').click();
  await page.waitForTimeout(800);
  const code = await codeFromOutbox(context, mobile);
  await page.getByPlaceholder('6位数字验证码').fill(code ?? '');
  await page.getByPlaceholder('请设置密码').fill('Shot@2026x');
  await page.getByPlaceholder('请再次输入密码').fill('Shot@2026x');
  return code;
}

const consoleProblems = [];
for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`[${vp}] ${m.type()}: ${m.text().slice(0, 300)}`);
  });
  page.on('response', async (r) => {
    if (r.status() >= 400 && r.url().includes('/api/')) consoleProblems.push(`[${vp}] ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}: ${(await r.text().catch(() => '')).slice(0, 200)}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`[${vp}] pageerror: ${e.message}`));
  try {
    await page.goto(`${base}/login`);
    await shot(page, `${vp}-01-login`);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await shot(page, `${vp}-02-login-empty`);

    await page.goto(`${base}/reset-password`);
    await shot(page, `${vp}-03-reset`);

    const mobile = randomMobile();
    await register(page, context, mobile);
    await shot(page, `${vp}-04-register-filled`);
    await page.getByRole('button', { name: /注\s*册/ }).click();
    await page.waitForURL('**/entry');
    await shot(page, `${vp}-05-entry`);

    await page.getByTestId('entry-enterprise').click();
    await page.getByRole('button', { name: /单位认证/ }).click();
    await page.waitForURL('**/certify');
    await shot(page, `${vp}-06-certify`);
    await page.getByPlaceholder('单位全称或统一社会信用代码').fill('不存在的公司');
    await page.keyboard.press('Enter');
    await page.getByTestId('registry-problem').waitFor();
    await shot(page, `${vp}-07-certify-notfound`);
    // Demo registry entries not certified by the seed (run against a fresh database).
    const company = vp === 'desktop' ? '上海共享制造科技有限公司' : '大连重工检测认证服务有限公司';
    await page.getByPlaceholder('单位全称或统一社会信用代码').fill(company);
    await page.keyboard.press('Enter');
    await page.getByTestId('registry-record').waitFor();
    await shot(page, `${vp}-08-certify-record`);
    await page.getByRole('button', { name: /确认并提交认证/ }).click();
    await page.waitForURL('**/contact');
    await page.getByRole('button', { name: /保存联系人/ }).click();
    await shot(page, `${vp}-09-contact-errors`);
    await page.getByLabel('联系人姓名').fill('张三');
    await page.getByLabel('职务').fill('总经理助理');
    await page.getByLabel('手机号').fill('13912345678');
    await page.getByLabel('电子邮箱').fill('zhangsan@example.com');
    await page.getByRole('button', { name: /保存联系人/ }).click();
    await page.waitForURL(`${base}/`);
    await shot(page, `${vp}-10-home`);
    await page.getByTestId('start-application').click();
    await page.getByLabel('申报批次').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByLabel('示范平台').check();
    await shot(page, `${vp}-11-start-modal`);
    await page.getByLabel('示范企业').check();
    await page.getByRole('button', { name: /开始填报/ }).click();
    await page.waitForURL('**/applications/*/edit');
    await page.goto(`${base}/`);
    await shot(page, `${vp}-12-home-with-application`);

    await page.goto(`${base}/verify/N3-000000-X999999`);
    await shot(page, `${vp}-13-verify-missing`);
    await page.goto(`${base}/outbox`);
    await shot(page, `${vp}-14-outbox`);

    // A second account on the city entry.
    await page.getByRole('button', { name: /退出/ }).click().catch(() => undefined);
    await page.goto(`${base}/login`);
    const cityMobile = randomMobile();
    await register(page, context, cityMobile);
    await page.getByRole('button', { name: /注\s*册/ }).click();
    await page.waitForURL('**/entry');
    await page.getByTestId('entry-city').click();
    await page.getByRole('button', { name: /单位认证/ }).click();
    await page.waitForURL('**/certify');
    await page.getByRole('button', { name: /确认并提交认证/ }).click();
    await shot(page, `${vp}-15-city-certify-errors`);
    await page.locator('.ant-cascader').click();
    await page.getByRole('menuitemcheckbox', { name: '广东省' }).click().catch(() => page.getByText('广东省', { exact: true }).click());
    await page.waitForTimeout(600);
    await page.locator('.ant-cascader-menu-item').filter({ hasText: /^深圳市$/ }).click();
    await page.waitForTimeout(600);
    await shot(page, `${vp}-16-city-cascader`);
    await page.keyboard.press('Escape');

    // The seed's submitted applicant: the list with a number, and that number's verification.
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('手机号或账号').fill('13800000003');
    await page.getByLabel('密码').fill('Demo@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('application-row').first().waitFor();
    await shot(page, `${vp}-18-home-submitted`);
    const number = await page.locator('.application-row code').first().innerText();
    await page.goto(`${base}/verify/${number}`);
    await page.getByTestId('verify-verdict').waitFor();
    await shot(page, `${vp}-19-verify-current`);

    await page.goto(`${base}/nowhere`);
    await shot(page, `${vp}-17-notfound`);
  } catch (e) {
    console.error(`[${vp}] failed at ${page.url()}:`, e.message);
    await shot(page, `${vp}-zz-failure`);
  }
  await context.close();
}

await browser.close();
await vite.close();
console.log(consoleProblems.length ? 'Console problems:\n' + [...new Set(consoleProblems)].join('\n') : 'No console problems.');
