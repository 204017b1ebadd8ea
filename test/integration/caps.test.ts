import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEVER_OMITTED_PARAMS } from '../../src/http/routes/caps.ts';
import { paramDefaults } from '../../src/poster/params.ts';
import { presetCatalogue } from '../../src/poster/presets.ts';
import { DEFAULT_SASH_PRIORITY } from '../../src/title/sashPriority.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;
const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

describe('/server-caps with presets on', () => {
  let app: App;
  let body: Record<string, unknown>;
  let raw: string;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: 'the-operator-secret' });
    const response = await app.get('/server-caps');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    raw = await response.text();
    body = JSON.parse(raw) as Record<string, unknown>;
  });
  afterAll(() => app.close());

  it('reports keys as booleans, the quality source, trending count, version and demo mode', () => {
    expect(body).toMatchObject({
      version: packageVersion,
      demo_mode: true,
      tmdb_key_set: true,
      mdblist_key_set: true,
      mdblist_key_count: 1,
      aiostreams_configured: false,
      quality_source: 'scraper',
      quality_configured: true,
      trending_fetch_count: 40,
      preset_enabled: true,
      access_key_valid: false,
      access_key_required: true,
      self_host_url: 'https://github.com/postersplus/postersplus#run-it',
      sash_priority_diff_seed: 'default',
      sash_priority_default: DEFAULT_SASH_PRIORITY.join(','),
    });
  });

  it('param_defaults: every style parameter’s default except the never-omitted ones; param_table: the whole table', () => {
    const table = paramDefaults();
    expect(body.param_table).toEqual(JSON.parse(JSON.stringify(table)));
    const defaults = body.param_defaults as Record<string, string>;
    for (const row of table) {
      if ((NEVER_OMITTED_PARAMS as readonly string[]).includes(row.name))
        expect(defaults).not.toHaveProperty(row.name);
      else expect(defaults[row.name], row.name).toBe(row.default);
    }
    expect(defaults.rating_display_mode).toBe('1');
    expect(body.never_omitted_params).toEqual([...NEVER_OMITTED_PARAMS].sort());
  });

  it('lists the current gallery (retired ids left out) with working screenshot URLs', async () => {
    const presets = body.presets as {
      id: string;
      name: string;
      description: string;
      screenshot_url: string;
    }[];
    expect(presets.map((preset) => preset.id)).toEqual(presetCatalogue().map((preset) => preset.id));
    expect(presets.map((preset) => preset.id)).not.toContain('prestige_rating_bar');
    for (const preset of presets) {
      expect(preset.name.length).toBeGreaterThan(0);
      expect(preset.description.length).toBeGreaterThan(0);
      expect(preset.screenshot_url).toBe(`/p/${preset.id}/movie/tt0111161.jpg`);
    }
    const screenshot = await app.get(presets[0]!.screenshot_url);
    expect(screenshot.status).toBe(200);
    expect(screenshot.headers.get('content-type')).toMatch(/^image\//);
  });

  it('never carries a key value', () => {
    expect(raw).not.toContain('the-operator-secret');
  });
});

describe('/server-caps with presets off', () => {
  it('presets is empty and the operator gate applies', async () => {
    const app = await startInProcessApp({ TRENDING_FETCH_COUNT: '25' });
    try {
      const body = (await (await app.get('/server-caps')).json()) as Record<string, unknown>;
      expect(body).toMatchObject({ preset_enabled: false, presets: [], trending_fetch_count: 25 });
    } finally {
      await app.close();
    }
  });
});
