/// <reference lib="dom" />
// (The callbacks these tests hand to page.evaluate run in the browser and need the DOM's types.)
/**
 * Headless Chromium for the configurator's end-to-end tests: Debian's `chromium` driven by
 * playwright-core (no browser download). One browser per test file; each test opens its own context so
 * storage and clipboard start empty. Every page records console errors, uncaught exceptions and failed
 * requests, and `expectClean` fails a test that produced any.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run installs it)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface TestPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

export async function openPage(
  browser: Browser,
  origin: string,
  path = '/',
  viewport: { width: number; height: number } = DESKTOP,
): Promise<TestPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // An aborted preview/search is the page superseding its own request, not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  await page.goto(`${origin}${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, context, problems };
}

export function expectClean(test: TestPage): void {
  expect(test.problems).toEqual([]);
}

/**
 * Waits for the preview to settle (state ready) on an image whose URL contains every `contains` string
 * and no `excludes` string; returns that URL.
 */
export async function waitForPreview(
  page: Page,
  match: { contains?: string[]; excludes?: string[] } = {},
): Promise<string> {
  await page.waitForFunction(
    ({ contains, excludes }) => {
      const figure = document.querySelector('#preview');
      const src = document.querySelector<HTMLImageElement>('#preview-img')?.dataset.src ?? '';
      return (
        figure?.getAttribute('data-state') === 'ready' &&
        contains.every((part) => src.includes(part)) &&
        !excludes.some((part) => src.includes(part))
      );
    },
    { contains: match.contains ?? [], excludes: match.excludes ?? [] },
    { timeout: 20_000 },
  );
  return (await page.locator('#preview-img').getAttribute('data-src')) ?? '';
}
