/**
 * The configurator in a real headless Chromium against the real server in demo mode (issue #8):
 * search and pick a title with the keyboard, change settings and watch the preview re-render, copy an
 * addon URL and render it through /poster, import it back to the same URL, malformed imports, keys,
 * labels and keyboard use, the phone layout, and the public tier's lock to presets. Every test fails on
 * any console error, uncaught exception or failed request.
 *
 * UPDATE_SCREENSHOTS=1 also writes docs/screenshots/*.png (desktop and phone widths).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';
import { expectClean, launchBrowser, openPage, PHONE, waitForPreview } from './browser.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SCREENSHOT_DIR = path.join(import.meta.dirname, '../../docs/screenshots');
const IDENTITY = 'tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id={id}&type={type}&shape={shape}';
/** The operator's "run your own instance" link on the public tier (SELF_HOST_URL). */
const SELF_HOST_URL = 'https://docs.example.org/run-your-own';

/** Writes a screenshot as an indexed-colour PNG (a dark UI compresses to well under 300 KB). */
async function screenshot(page: Page, name: string, fullPage = false) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = await page.screenshot({ fullPage });
  await sharp(png)
    .png({ palette: true, colours: 256, effort: 10 })
    .toFile(path.join(SCREENSHOT_DIR, `${name}.png`));
}

/** What AIOMetadata does with the Default template for a movie it knows only by IMDb id. */
function fillTemplate(url: string, imdbId: string, type: string): string {
  return url
    .replace('{imdb_id?}', imdbId)
    .replace('{id}', imdbId)
    .replace('{type}', type)
    .replace('{shape}', 'poster');
}

async function settingsTab(page: Page, group: string) {
  await page.getByRole('tab', { name: new RegExp(`^${group}`) }).click();
}

async function fetchImage(url: string) {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  const meta = response.ok ? await sharp(bytes).metadata() : null;
  return { response, bytes, width: meta?.width, height: meta?.height };
}

describe('configurator (demo mode)', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startInProcessApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('finds a demo title with the keyboard; the preview follows the chosen title', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    await waitForPreview(page, { contains: ['imdb_id=tt0111161'] });
    expect(await page.locator('#demo-banner').textContent()).toContain('TMDB_API_KEY');

    const search = page.getByRole('combobox', { name: 'Title' });
    await search.fill('incep');
    const option = page.getByRole('option', { name: /Inception/ });
    await option.waitFor();
    // The thumbnail comes through this instance and actually decodes.
    expect(await option.locator('img').getAttribute('src')).toMatch(/^\/configurator\/thumb\/\w+\.jpg$/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#search-results img');
      return img?.complete === true && img.naturalWidth > 0;
    });

    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await search.press('Enter');
    expect(await search.getAttribute('aria-expanded')).toBe('false');

    const src = await waitForPreview(page, {
      contains: ['imdb_id=tt1375666', 'tmdb_id=27205', 'type=movie'],
    });
    // Desktop: the preview column sits beside the settings.
    const preview = await page.locator('#preview').boundingBox();
    const settings = await page.locator('#settings').boundingBox();
    expect(preview && settings && preview.x + preview.width < settings.x).toBe(true);
    expect(await page.locator('#preview-caption').textContent()).toContain('Inception (2010)');
    expect(await page.locator('#url-plain').inputValue()).toBe(`${app.url}${src}`);
    await screenshot(page, 'configurator-desktop');
    expectClean(test);
    await test.context.close();
  });

  it('re-renders the preview (spinner, then a 500×750 image) when the display mode changes', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    const before = await waitForPreview(page);
    expect(before).not.toContain('rating_display_mode');
    await page.evaluate(() => {
      const figure = document.querySelector('#preview');
      const seen: string[] = [];
      (window as unknown as { seenStates: string[] }).seenStates = seen;
      new MutationObserver(() => seen.push(figure?.getAttribute('data-state') ?? '')).observe(
        figure as Node,
        {
          attributes: true,
          attributeFilter: ['data-state'],
        },
      );
    });

    await page.getByLabel('Rating display', { exact: true }).selectOption('2');
    const after = await waitForPreview(page, { contains: ['rating_display_mode=2'] });
    const states = await page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
    expect(states).toContain('loading');
    const size = await page
      .locator('#preview-img')
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([500, 750]);
    expect(await page.getByRole('tab', { name: /^Core/ }).textContent()).toBe('Core1');

    // The design survives a reload (kept in this browser only).
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitForPreview(page, { contains: ['rating_display_mode=2'] });
    expect(await page.getByLabel('Rating display', { exact: true }).inputValue()).toBe('2');

    expect(before).not.toBe(after);
    expectClean(test);
    await test.context.close();
  });

  it('shows the server’s reason when a render fails', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    await waitForPreview(page);
    await page.getByLabel(/Already have a URL/).fill('/poster?imdb_id=tt0000001&type=movie');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForSelector('#preview[data-state="error"]');
    expect(await page.locator('#preview-message').textContent()).toBe(
      'This poster could not be rendered: no source knows this title (HTTP 404 Not Found)',
    );
    // The browser itself reports the 404 it was asked to fetch; that is the one expected line.
    expect(test.problems).toEqual([expect.stringMatching(/status of 404/)]);
    await test.context.close();
  });

  it('copies an addon URL that renders the same poster through /poster, and imports back to the same URL', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    await waitForPreview(page);

    await page.getByLabel('Rating display', { exact: true }).selectOption('4');
    await settingsTab(page, 'Sash');
    await page.getByRole('button', { name: 'Move Festival top prize up' }).click();
    await page.getByRole('checkbox', { name: /Cult classic/ }).uncheck();
    await settingsTab(page, 'Logo');
    const width = page.getByRole('spinbutton', { name: 'Logo max width, exact value' });
    await width.fill('0.6');
    await width.press('Tab');
    await settingsTab(page, 'Presentation');
    await page.getByRole('switch', { name: 'Muted sash' }).check();
    const src = await waitForPreview(page, {
      contains: ['rating_display_mode=4', 'sash_priority=', 'logo_max_w_ratio=0.6', 'muted=true'],
    });

    await page.getByRole('button', { name: 'Copy addon URL' }).click();
    await page.getByText('Copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#url-template').inputValue());
    expect(copied.startsWith(`${app.url}/poster?${IDENTITY}&`)).toBe(true);
    // Shrunk: the changed values are there, defaults are not; the sash list in its shorter form.
    const query = new URL(copied.replaceAll('{', '%7B').replaceAll('}', '%7D')).searchParams;
    expect(query.get('rating_display_mode')).toBe('4');
    expect(query.get('sash_priority')).toMatch(/^default,-cult,(festival@1|gg_wins@2)$/);
    expect(query.has('cinema_greyscale')).toBe(false);
    expect(query.has('badge_display_mode')).toBe(false);
    expect(copied).not.toContain('key=');

    // The URL as a Stremio addon fills it renders the very poster the preview shows.
    const viaTemplate = await fetchImage(fillTemplate(copied, 'tt0111161', 'movie'));
    expect(viaTemplate.response.status).toBe(200);
    expect(viaTemplate.response.headers.get('content-type')).toBe('image/webp');
    expect([viaTemplate.width, viaTemplate.height]).toEqual([500, 750]);
    const viaPreview = await fetchImage(`${app.url}${src}`);
    expect(viaTemplate.response.headers.get('etag')).toBe(viaPreview.response.headers.get('etag'));
    expect(viaTemplate.bytes.equals(viaPreview.bytes)).toBe(true);
    expect(await page.locator('#preview-img').getAttribute('data-bytes')).toBe(
      String(viaPreview.bytes.length),
    );
    const plain = await page.locator('#url-plain').inputValue();
    expectClean(test);
    await test.context.close();

    // A fresh browser (no saved settings) imports both forms back to the same URLs and controls.
    const fresh = await openPage(browser, app.url);
    await waitForPreview(fresh.page);
    for (const [url, field] of [
      [copied, '#url-template'],
      [plain, '#url-plain'],
    ] as const) {
      await fresh.page.getByLabel(/Already have a URL/).fill(url);
      await fresh.page.getByRole('button', { name: 'Import' }).click();
      await fresh.page.waitForFunction(
        ({ selector, expected }) => document.querySelector<HTMLTextAreaElement>(selector)?.value === expected,
        { selector: field, expected: url },
      );
    }
    expect(await fresh.page.getByLabel('Rating display', { exact: true }).inputValue()).toBe('4');
    await settingsTab(fresh.page, 'Presentation');
    expect(await fresh.page.getByRole('switch', { name: 'Muted sash' }).isChecked()).toBe(true);
    await settingsTab(fresh.page, 'Sash');
    const order = await fresh.page
      .locator('.sash-list li')
      .evaluateAll((items) => items.slice(0, 3).map((item) => item.getAttribute('data-slot')));
    expect(order).toEqual(['wins', 'festival', 'gg_wins']);
    expect(await fresh.page.getByRole('checkbox', { name: /Cult classic/ }).isChecked()).toBe(false);
    await waitForPreview(fresh.page, { contains: ['rating_display_mode=4', 'muted=true'] });
    expectClean(fresh);
    await fresh.context.close();
  });

  it('imports a URL with malformed values: defaults kept, clamps applied, each noted; keys only when given', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    await waitForPreview(page);
    const pasted = `${app.url}/poster?imdb_id=tt0903747&type=series&rating_display_mode=banana&bar_height_ratio=9&sash_mode=notch&made_up=1`;
    await page.getByLabel(/Already have a URL/).fill(pasted);
    await page.getByRole('button', { name: 'Import' }).click();
    const notes = page.locator('#notes');
    await notes.getByText(/rating_display_mode/).waitFor();
    const text = (await notes.textContent()) ?? '';
    expect(text).toContain('bar_height_ratio: 9 clamped to 0.2');
    expect(text).toContain('made_up');
    await waitForPreview(page, {
      contains: ['imdb_id=tt0903747', 'type=tv', 'sash_mode=notch', 'bar_height_ratio=0.2'],
    });
    expect(await page.getByLabel('Rating display', { exact: true }).inputValue()).toBe('1');
    const template = await page.locator('#url-template').inputValue();
    expect(template).not.toContain('rating_display_mode');
    expect(template).not.toContain('made_up');
    expect(template).not.toContain('key=');

    // Typed keys go into the copied URLs (literal, as Nuvio needs) and to this instance only.
    await page.getByText('Your API keys').click();
    await page.getByLabel('MDBList API key').fill('my-mdblist-key');
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLTextAreaElement>('#url-template')
        ?.value.endsWith('&mdblist_key=my-mdblist-key'),
    );
    await waitForPreview(page, { contains: ['mdblist_key=my-mdblist-key'] });
    expectClean(test);
    await test.context.close();
  });

  it('generates a labelled control for every parameter of the table, with keyboard-navigable tabs', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    const caps = (await (await app.get('/server-caps')).json()) as { param_table: { name: string }[] };
    const shown = await page
      .locator('[data-param]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-param')));
    expect(shown.sort()).toEqual(caps.param_table.map((row) => row.name).sort());

    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
        .filter((el) => el.type !== 'hidden')
        .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);

    const core = page.getByRole('tab', { name: /^Core/ });
    await core.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: /^Rating/ }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-rating').isVisible()).toBe(true);
    expect(await page.locator('#panel-core').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: /^Presentation/ }).getAttribute('aria-selected')).toBe('true');

    // The sash list reorders from the keyboard too.
    await settingsTab(page, 'Sash');
    await page.getByRole('checkbox', { name: /Golden Globe winner/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await waitForPreview(page, { contains: ['sash_priority=default,wins@1'] });
    expectClean(test);
    await test.context.close();
  });

  it('loads a preset from the gallery into the settings; optional weights only when switched on', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    await waitForPreview(page);
    await page.getByRole('button', { name: 'Load preset Clean Notch' }).click();
    await waitForPreview(page, { contains: ['rating_display_mode=2', 'sash_mode=notch'] });
    expect(await page.getByLabel('Rating display', { exact: true }).inputValue()).toBe('2');
    expect(
      await page.getByRole('button', { name: 'Load preset Clean Notch' }).getAttribute('class'),
    ).toContain('selected');
    // Presets are off in demo mode: the URL is the /poster form of the preset's settings.
    expect(await page.locator('#url-template').inputValue()).toContain(`/poster?${IDENTITY}&`);

    await settingsTab(page, 'Weights');
    const anime = page.locator('[data-param="anime_movie_weights"]');
    expect(await anime.locator('.weights').isVisible()).toBe(false);
    await anime.getByRole('switch', { name: 'Use their own weights' }).check();
    expect(await anime.locator('.weights').isVisible()).toBe(true);
    await anime.getByRole('slider', { name: 'MyAnimeList' }).fill('0.5');
    await waitForPreview(page, { contains: ['anime_movie_weights=myanimelist:0.5'] });
    expectClean(test);
    await test.context.close();
  });

  it('is one column on a phone, preview on top, nothing wider than the screen', async () => {
    const test = await openPage(browser, app.url, '/', PHONE);
    const { page } = test;
    await waitForPreview(page);
    const preview = await page.locator('#preview').boundingBox();
    const settings = await page.locator('#settings').boundingBox();
    expect(preview && settings).toBeTruthy();
    if (!preview || !settings) return;
    expect(preview.y + preview.height).toBeLessThanOrEqual(settings.y);
    expect(Math.abs(preview.x + preview.width / 2 - PHONE.width / 2)).toBeLessThan(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.locator('.search').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'configurator-phone');
    expectClean(test);
    await test.context.close();
  });
});

describe('configurator on the public preset tier (PRESET_ENABLED, no access key)', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: 'operator-secret', SELF_HOST_URL }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('locks to the preset gallery, previews and copies /p URLs, and never calls /poster', async () => {
    const caps = (await (await app.get('/server-caps')).json()) as { presets: { id: string }[] };
    const [first, , third] = caps.presets;
    expect(first && third).toBeTruthy();
    if (!first || !third) return;

    const test = await openPage(browser, app.url);
    const { page } = test;
    const posterCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/poster') posterCalls.push(request.url());
    });
    expect(await page.locator('#lock-banner').isVisible()).toBe(true);
    expect(await page.locator('#tuner').isVisible()).toBe(false);
    expect(await page.locator('#keys').isVisible()).toBe(false);
    expect(await page.getByRole('radio').count()).toBe(caps.presets.length);
    expect(await page.getByRole('radio', { checked: true }).getAttribute('data-preset')).toBe(first.id);
    await waitForPreview(page, { contains: [`/p/${first.id}/movie/tt0111161.jpg`] });
    expect(await page.locator('#url-template').inputValue()).toBe(
      `${app.url}/p/${first.id}/{type}/{imdb_id}.jpg`,
    );

    await page.locator(`[data-preset="${third.id}"]`).click();
    const search = page.getByRole('combobox', { name: 'Title' });
    await search.fill('breaking');
    await page.getByRole('option', { name: /Breaking Bad/ }).waitFor();
    await search.press('Enter');
    const src = await waitForPreview(page, { contains: [`/p/${third.id}/tv/tt0903747.jpg`] });
    await screenshot(page, 'configurator-locked');

    await page.getByRole('button', { name: 'Copy title URL' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${app.url}${src}`);
    const image = await fetchImage(copied);
    expect(image.response.status).toBe(200);
    expect([image.width, image.height]).toEqual([500, 750]);

    // Importing: a /p URL selects its preset and title; a /poster URL is explained, not loaded.
    await page.getByLabel(/Already have a URL/).fill(`${app.url}/p/${first.id}/movie/tt1375666.jpg`);
    await page.getByRole('button', { name: 'Import' }).click();
    await waitForPreview(page, { contains: [`/p/${first.id}/movie/tt1375666.jpg`] });
    expect(await page.locator('#url-template').inputValue()).toBe(
      `${app.url}/p/${first.id}/{type}/{imdb_id}.jpg`,
    );
    await page
      .getByLabel(/Already have a URL/)
      .fill(`${app.url}/poster?imdb_id=tt1375666&rating_display_mode=2`);
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .locator('#notes')
      .getByText(/only offers its presets/)
      .waitFor();

    expect(posterCalls).toEqual([]);
    expectClean(test);
    await test.context.close();
  });

  it('lock banner, first way out: the operator unlocks every setting with the key (a wrong one is said so)', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    const banner = page.locator('#lock-banner');
    expect(await banner.locator('#way-unlock').isVisible()).toBe(true);
    await banner.getByLabel('Access key', { exact: true }).fill('not-the-key');
    await banner.getByRole('button', { name: 'Unlock' }).click();
    await page.waitForSelector('body[data-ready="true"][data-mode="locked"]');
    expect(await page.locator('#way-unlock').textContent()).toContain('That access key is not valid.');
    expect(page.url()).toBe(`${app.url}/`);

    await page.locator('#lock-banner').getByLabel('Access key', { exact: true }).fill('operator-secret');
    await page.locator('#lock-banner').getByRole('button', { name: 'Unlock' }).click();
    await page.waitForSelector('body[data-ready="true"][data-mode="full"]');
    expect(page.url()).toBe(`${app.url}/`);
    expect(await page.locator('#lock-banner').count()).toBe(0);
    expect(await page.locator('#tuner').isVisible()).toBe(true);
    await waitForPreview(page, { contains: ['/poster?', 'access_key=operator-secret'] });
    expectClean(test);
    await test.context.close();
  });

  it('lock banner, second way out: "Run your own instance" opens the link the operator set', async () => {
    const test = await openPage(browser, app.url);
    const { page, context } = test;
    // The docs site is another origin this machine cannot reach: answer it here.
    await context.route(`${SELF_HOST_URL}*`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Run Posters+</title>' }),
    );
    const link = page.locator('#lock-banner').getByRole('link', { name: 'Run your own instance' });
    expect(await link.getAttribute('href')).toBe(SELF_HOST_URL);
    // A new tab that learns nothing of this page (its address may carry a key).
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(SELF_HOST_URL);
    expect(await popup.title()).toBe('Run Posters+');
    expectClean(test);
    await context.close();
  });

  it('unlocks the full editor for the operator’s access key, and takes the key out of the address bar', async () => {
    const test = await openPage(browser, app.url, '/?access_key=operator-secret');
    const { page } = test;
    expect(await page.locator('#tuner').isVisible()).toBe(true);
    expect(await page.locator('#lock-banner').count()).toBe(0);
    expect(page.url()).toBe(`${app.url}/`);
    await waitForPreview(page, { contains: ['/poster?', 'access_key=operator-secret'] });
    expect(await page.locator('#url-template').inputValue()).toContain('&access_key=operator-secret');

    // With the tier on, a /p URL imports as that preset and copies back as the same /p URL, until a
    // setting changes it into a /poster look of its own.
    const caps = (await (await app.get('/server-caps')).json()) as { presets: { id: string }[] };
    const preset = caps.presets[1]?.id ?? '';
    const template = `${app.url}/p/${preset}/{type}/{imdb_id}.jpg`;
    await page.getByLabel(/Already have a URL/).fill(template);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForFunction(
      (expected) => document.querySelector<HTMLTextAreaElement>('#url-template')?.value === expected,
      template,
    );
    await page.getByLabel('Rating display', { exact: true }).selectOption('0');
    await page.waitForFunction(() =>
      document.querySelector<HTMLTextAreaElement>('#url-template')?.value.includes('/poster?'),
    );
    await waitForPreview(page, { contains: ['rating_display_mode=0'] });
    expectClean(test);
    await test.context.close();
  });
});

describe('configurator on a public-only instance (PRESET_ENABLED, no ACCESS_KEY)', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startInProcessApp({ PRESET_ENABLED: 'true' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('offers no key form (no key opens anything here), only running an instance of one’s own', async () => {
    const test = await openPage(browser, app.url);
    const { page } = test;
    const banner = page.locator('#lock-banner');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.locator('form').count()).toBe(0);
    expect(await banner.getByRole('link', { name: 'Run your own instance' }).getAttribute('href')).toBe(
      'https://github.com/postersplus/postersplus#run-it',
    );
    expectClean(test);
    await test.context.close();
  });
});

describe('configurator on a private instance (ACCESS_KEY, presets off)', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startInProcessApp({ ACCESS_KEY: 'operator-secret' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for the access key, then opens the full editor with it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${app.url}/`);
    await page.getByText('This instance is private').waitFor();
    await page.getByLabel('Access key', { exact: true }).fill('operator-secret');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.waitForSelector('body[data-ready="true"][data-mode="full"]');
    expect(page.url()).toBe(`${app.url}/`);
    await waitForPreview(page, { contains: ['access_key=operator-secret'] });
    // The one expected line: the browser reporting the first /server-caps 403.
    expect(problems).toEqual([expect.stringMatching(/status of 403/)]);
    await context.close();
  });
});
