/**
 * Serving benchmark (issue #5): the whole service in this process against the built-in fake upstream,
 * slowed to 80 ms per call for every service (TMDB, images, MDBList, the stream addon …).
 *
 * A warm-up instance starts first, in demo mode: it owns the fake and renders every catalogue title
 * once, so the fake's synthetic artwork is drawn (a real CDN serves stored bytes; drawing costs the fake
 * up to a second of CPU per image, which is not what we measure). The measured instance then starts with
 * empty caches, pointed at that same fake through the ordinary upstream variables.
 *
 *   npm run bench:serve                      # ~1 minute
 *   BENCH_DURATION=20 npm run bench:serve    # longer load phases (seconds)
 *
 * Phases, in order:
 *   cold_title   first poster of each catalogue title: nothing cached (upstream chain + render)
 *   cold_style   a new style of a title whose facts and art are cached: composite miss → render
 *   hit_idle     cache hits only, 64 connections (autocannon in a worker thread)
 *   hit_loaded   the same hits while new-style renders run back to back, as many as render slots
 *
 * Output: one JSON object per line, then a human table and the target checks (printed, never asserted:
 * speed is proven here, not in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp } from '../src/app/start.ts';
import { loadConfig } from '../src/config/load.ts';
import { CATALOGUE } from '../src/demo/catalogue.ts';
import { SERVICES } from '../src/demo/http.ts';
import { createLogger } from '../src/observability/logger.ts';

const UPSTREAM_LATENCY_MS = 80;
const CONNECTIONS = 64;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const COLD_STYLES = 40;
const TARGET_COLD_P50_MS = 220;
const TARGET_LOADED_P99_FACTOR = 2;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const round = (value: number) => Math.round(value * 10) / 10;
const emit = (row: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'serve', ...row }));

async function timedGet(url: string): Promise<{ ms: number; status: number; cache: string | null }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, cache: response.headers.get('x-cache') };
}

/** A style no earlier request used: every call is a composite miss on a title whose facts are cached. */
let styleCounter = 0;
function freshStyle(): string {
  const i = styleCounter++;
  return `badge_height=${1 + (i % 200)}&badge_gap=${Math.floor(i / 200) % 100}&rating_display_mode=${i % 5}`;
}

function quietLogger() {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  return createLogger({ format: 'json', level: 'error', secrets: [], destination: silent });
}

async function main() {
  const dirs = [
    mkdtempSync(path.join(tmpdir(), 'postersplus-bench-')),
    mkdtempSync(path.join(tmpdir(), 'postersplus-bench-')),
  ];
  const base = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };
  const warmup = await startApp(loadConfig({ ...base, DATA_DIR: dirs[0]! }), quietLogger());
  const fake = warmup.demoUpstream;
  if (!fake) throw new Error('bench:serve needs demo mode (unset TMDB_API_KEY)');
  const titles = CATALOGUE.map((title) => `/poster?tmdb_id=${title.tmdbId}&type=${title.kind}`);
  await Promise.all(titles.map((title) => timedGet(`${warmup.url}${title}`)));

  const config = loadConfig({
    ...base,
    DATA_DIR: dirs[1]!,
    TMDB_API_KEY: 'demo',
    TMDB_API_BASE: fake.urls.tmdbApiBase,
    TMDB_IMAGE_BASE: fake.urls.tmdbImageBase,
    MDBLIST_API_KEY: 'demo',
    MDBLIST_API_BASE: fake.urls.mdblistApiBase,
    QUALITY_SOURCE: 'scraper',
    SCRAPER_URL: fake.urls.scraperUrl,
    ARCTIC_SHIFT_BASE: fake.urls.arcticShiftBase,
  });
  const app = await startApp(config, quietLogger());
  for (const service of SERVICES) fake.faults.latency(service, UPSTREAM_LATENCY_MS);
  emit({
    phase: 'setup',
    cores: availableParallelism(),
    render_slots: config.RENDER_CONCURRENCY || availableParallelism(),
    upstream_latency_ms: UPSTREAM_LATENCY_MS,
    titles: titles.length,
  });
  // The first request of a new instance also starts its render workers: not part of any phase.
  await timedGet(`${app.url}${titles[0]}&${freshStyle()}`);

  try {
    // cold_title: nothing cached at all.
    const coldTitle = [];
    for (const title of titles.slice(1)) coldTitle.push(await timedGet(`${app.url}${title}`));
    const coldTitleMs = coldTitle.map((r) => r.ms);
    const coldP50 = quantile(coldTitleMs, 0.5);
    emit({
      phase: 'cold_title',
      n: coldTitle.length,
      p50_ms: round(coldP50),
      p95_ms: round(quantile(coldTitleMs, 0.95)),
      statuses: [...new Set(coldTitle.map((r) => r.status))],
    });

    // cold_style: facts and art cached, composite new.
    const coldStyle = [];
    for (let i = 0; i < COLD_STYLES; i++) {
      const title = titles[i % titles.length]!;
      coldStyle.push(await timedGet(`${app.url}${title}&${freshStyle()}`));
    }
    const coldStyleMs = coldStyle.map((r) => r.ms);
    emit({
      phase: 'cold_style',
      n: coldStyle.length,
      p50_ms: round(quantile(coldStyleMs, 0.5)),
      p95_ms: round(quantile(coldStyleMs, 0.95)),
      misses: coldStyle.filter((r) => r.cache === 'MISS').length,
    });

    // The hit set: the first-render URLs that were stored (provisional answers are never stored).
    const hits: string[] = [];
    for (const title of titles) if ((await timedGet(`${app.url}${title}`)).cache === 'HIT') hits.push(title);
    const load = () =>
      autocannon({
        url: app.url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        workers: 1,
        requests: hits.map((p) => ({ method: 'GET', path: p })),
      });

    const idle = await load();
    emit({
      phase: 'hit_idle',
      connections: CONNECTIONS,
      urls: hits.length,
      rps: round(idle.requests.average),
      p50_ms: idle.latency.p50,
      p99_ms: idle.latency.p99,
      non2xx: idle.non2xx,
      errors: idle.errors,
    });

    // hit_loaded: the same load while renders keep every render slot busy.
    let rendering = true;
    const loadedRenders: number[] = [];
    const renderLoop = async () => {
      for (let i = 0; rendering; i++) {
        const title = titles[i % titles.length]!;
        loadedRenders.push((await timedGet(`${app.url}${title}&${freshStyle()}`)).ms);
      }
    };
    const slots = config.RENDER_CONCURRENCY || availableParallelism();
    const renderers = Array.from({ length: slots }, renderLoop);
    const loaded = await load();
    rendering = false;
    await Promise.all(renderers);
    emit({
      phase: 'hit_loaded',
      connections: CONNECTIONS,
      rps: round(loaded.requests.average),
      p50_ms: loaded.latency.p50,
      p99_ms: loaded.latency.p99,
      non2xx: loaded.non2xx,
      errors: loaded.errors,
      concurrent_renders: loadedRenders.length,
      render_p50_ms: round(quantile(loadedRenders, 0.5)),
    });

    const checks = [
      {
        target: `cold_title p50 <= ${TARGET_COLD_P50_MS} ms (80 ms per upstream call)`,
        value: round(coldP50),
        pass: coldP50 <= TARGET_COLD_P50_MS,
      },
      {
        target: `hit p99 under concurrent renders <= ${TARGET_LOADED_P99_FACTOR}x idle p99`,
        value: `${loaded.latency.p99} vs ${idle.latency.p99} ms`,
        pass: loaded.latency.p99 <= TARGET_LOADED_P99_FACTOR * Math.max(1, idle.latency.p99),
      },
    ];
    for (const check of checks) emit({ phase: 'target', ...check });

    console.log('');
    console.table([
      {
        phase: 'cold_title (nothing cached)',
        n: coldTitle.length,
        'p50 ms': round(coldP50),
        'p95/p99 ms': round(quantile(coldTitleMs, 0.95)),
        'req/s': '',
      },
      {
        phase: 'cold_style (facts cached)',
        n: coldStyle.length,
        'p50 ms': round(quantile(coldStyleMs, 0.5)),
        'p95/p99 ms': round(quantile(coldStyleMs, 0.95)),
        'req/s': '',
      },
      {
        phase: `hit_idle (${CONNECTIONS} conn)`,
        n: idle.requests.total,
        'p50 ms': idle.latency.p50,
        'p95/p99 ms': idle.latency.p99,
        'req/s': round(idle.requests.average),
      },
      {
        phase: `hit_loaded (+${slots} renders)`,
        n: loaded.requests.total,
        'p50 ms': loaded.latency.p50,
        'p95/p99 ms': loaded.latency.p99,
        'req/s': round(loaded.requests.average),
      },
    ]);
    for (const check of checks)
      console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.value}`);
  } finally {
    await app.stop();
    await warmup.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
