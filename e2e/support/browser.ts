import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server.js';

export const ARTIFACTS = path.join(ROOT, 'e2e/artifacts');

/** Debian's Chromium, headless, with the flags this sandbox needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A browser context for one user. Content-Security-Policy violations (the server's CSP refusing a
 * script, style, frame …) are collected, and closing the context fails the test if there were any.
 */
export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', acceptDownloads: true });
  const violations: string[] = [];
  context.on('console', (msg) => {
    if (/Content Security Policy|CSP violation/i.test(msg.text())) violations.push(msg.text());
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    if (violations.length) throw new Error(`Content-Security-Policy violations:\n${[...new Set(violations)].join('\n')}`);
  };
  return context;
}

/** Saves a full-page screenshot under e2e/artifacts for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
