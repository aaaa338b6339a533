import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { startServer, type RunningServer } from './server.js';

interface FileFixtures {
  /** The real server with demo data, started once per flow file. */
  server: RunningServer;
  /** Debian's Chromium, once per flow file. */
  browser: Browser;
  /** A scratch folder for files to upload and downloads, removed after the file's last test. */
  tmp: string;
}

interface TestFixtures {
  /** A fresh browser context per test; closing it fails the test on a Content-Security-Policy violation. */
  context: BrowserContext;
  /** The test's page: page errors and console errors go to the output, a screenshot is saved when the test fails. */
  page: Page;
}

/** The e2e flows' shared setup: `test(name, async ({ server, page }) => …)` instead of beforeAll/afterAll in each flow. */
export const test = base.extend<TestFixtures & FileFixtures>({
  // The empty patterns are vitest's way to say a fixture depends on no other.
  server: [async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  }, { scope: 'file' }],
  browser: [async ({}, use) => {
    const browser = await launchBrowser();
    await use(browser);
    await browser.close();
  }, { scope: 'file' }],
  tmp: [async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-e2e-files-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }, { scope: 'file' }],
  context: async ({ browser, server }, use) => {
    const context = await newContext(browser, server.url);
    await use(context);
    await context.close();
  },
  page: async ({ context, task }, use) => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('[page error]', err.message));
    page.on('console', (m) => m.type() === 'error' && console.error('[console]', m.text()));
    await use(page);
    // Taken here, not in onTestFailed: those hooks run after the fixtures are torn down.
    if (task.result?.state === 'fail') await screenshot(page, failureName(task.file.name, task.name)).catch(() => undefined);
  },
});

/** e.g. failure-authority-flow-returns-and-reopens-one-section. */
function failureName(file: string, testName: string): string {
  const slug = testName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
  return `failure-${path.basename(file).replace(/\.e2e\.ts$/, '')}-${slug}`;
}
