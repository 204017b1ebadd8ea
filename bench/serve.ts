/**
 * Serving benchmark (issues #5 and #15): the whole service against the built-in fake upstream, slowed
 * to 80 ms per call for every service (TMDB, images, MDBList, the stream addon …), for speed and memory.
 *
 * A warm-up instance starts first, in this process and in demo mode: it owns the fake and renders every
 * catalogue title once, so the fake's synthetic artwork is drawn (a real CDN serves stored bytes;
 * drawing costs the fake up to a second of CPU per image, which is not what we measure). The measured
 * service then starts as a child process (`node src/main.ts`, so its RSS is its own) with empty caches,
 * RENDER_CONCURRENCY=2 and otherwise default settings, pointed at that same fake through the ordinary
 * upstream variables.
 *
 *   npm run bench:serve                      # ~2 minutes
 *   BENCH_DURATION=20 npm run bench:serve    # longer load phases (seconds)
 *   BENCH_SOAK=120 npm run bench:serve       # longer soaks (seconds)
 *
 * Phases, in order (each reports the service's peak RSS while it ran):
 *   idle         RSS of the measured service after boot, before any request (not demo mode)
 *   cold_title   first poster of each catalogue title: nothing cached (upstream chain + render)
 *   cold_style   a new style of a title whose facts and art are cached: composite miss → render
 *   hit_idle     cache hits only, 64 connections (autocannon in a worker thread)
 *   hit_loaded   the same hits while new-style renders run back to back, as many as render slots
 *   burst_cold   64 simultaneous cold renders (new styles), queued behind the render slots
 *   soak         mixed clients for BENCH_SOAK seconds: hits, new styles, new titles' languages
 *   demo_idle, demo_soak, demo_idle_after   a second service in demo mode (the fake in its own
 *                process, drawing its art there): after boot, through the same soak, and once its
 *                render workers have stopped (RENDER_WORKER_IDLE_TIMEOUT=5)
 *
 * Output: one JSON object per line, then a human table and the target checks (printed, never asserted:
 * speed and memory are proven here, not in tests).
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
import { rssMb, startService, trackPeak } from './process.ts';

const UPSTREAM_LATENCY_MS = 80;
const CONNECTIONS = 64;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const COLD_STYLES = 40;
const TARGET_COLD_P50_MS = 220;
const TARGET_LOADED_P99_FACTOR = 2;
const SOAK_S = Number(process.env.BENCH_SOAK ?? 30);
const SOAK_CLIENTS = 16;
const BURST = 64;
const RENDER_SLOTS = 2;
const TARGET_IDLE_MB = 150;
const TARGET_PEAK_MB = 350;

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

interface Soak {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  p50: number;
  p99: number;
}

/** `clients` loops for `seconds`: 60 % hits on the titles' first posters, 40 % new styles of them. */
async function soak(url: string, titles: string[], seconds: number, clients: number): Promise<Soak> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let seed = 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const client = async () => {
    while (performance.now() < until) {
      const title = titles[Math.floor(random() * titles.length)]!;
      const target = random() < 0.6 ? title : `${title}&${freshStyle()}`;
      try {
        const result = await timedGet(`${url}${target}`);
        latencies.push(result.ms);
        statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return {
    requests: latencies.length,
    statuses,
    errors,
    p50: round(quantile(latencies, 0.5)),
    p99: round(quantile(latencies, 0.99)),
  };
}

/** Runs one phase and reports the service's peak RSS while it ran. */
async function measured<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const peak = trackPeak(pid);
  const result = await run();
  return { result, peakMb: round(peak.stop()) };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const dirs = [0, 1, 2].map(() => mkdtempSync(path.join(tmpdir(), 'postersplus-bench-')));
  const base = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };
  const warmup = await startApp(loadConfig({ ...base, DATA_DIR: dirs[0]! }), quietLogger());
  const fake = warmup.demoUpstream;
  if (!fake) throw new Error('bench:serve needs demo mode (unset TMDB_API_KEY)');
  const titles = CATALOGUE.map((title) => `/poster?tmdb_id=${title.tmdbId}&type=${title.kind}`);
  await Promise.all(titles.map((title) => timedGet(`${warmup.url}${title}`)));

  const service = await startService({
    ...base,
    DATA_DIR: dirs[1]!,
    RENDER_CONCURRENCY: String(RENDER_SLOTS),
    TMDB_API_KEY: 'demo',
    TMDB_API_BASE: fake.urls.tmdbApiBase,
    TMDB_IMAGE_BASE: fake.urls.tmdbImageBase,
    MDBLIST_API_KEY: 'demo',
    MDBLIST_API_BASE: fake.urls.mdblistApiBase,
    QUALITY_SOURCE: 'scraper',
    SCRAPER_URL: fake.urls.scraperUrl,
    ARCTIC_SHIFT_BASE: fake.urls.arcticShiftBase,
  });
  const app = { url: service.url };
  const memory: { phase: string; rssMb: number; kind: 'idle' | 'peak' }[] = [];
  const record = (phase: string, kind: 'idle' | 'peak', mb: number) => {
    memory.push({ phase, kind, rssMb: round(mb) });
    return round(mb);
  };
  let demo: Awaited<ReturnType<typeof startService>> | null = null;

  try {
    // What a fresh process holds before its first request (render workers start on demand).
    await settle(3000);
    emit({
      phase: 'idle',
      rss_mb: record('idle', 'idle', rssMb(service.pid)),
      cores: availableParallelism(),
      render_slots: RENDER_SLOTS,
      upstream_latency_ms: UPSTREAM_LATENCY_MS,
      titles: titles.length,
    });
    for (const name of SERVICES) fake.faults.latency(name, UPSTREAM_LATENCY_MS);
    // The first request of a new instance also starts its render workers: not part of any phase.
    await timedGet(`${app.url}${titles[0]}&${freshStyle()}`);

    // cold_title: nothing cached at all.
    const { result: coldTitle, peakMb: coldTitlePeak } = await measured(service.pid, async () => {
      const rows = [];
      for (const title of titles.slice(1)) rows.push(await timedGet(`${app.url}${title}`));
      return rows;
    });
    const coldTitleMs = coldTitle.map((r) => r.ms);
    const coldP50 = quantile(coldTitleMs, 0.5);
    emit({
      phase: 'cold_title',
      n: coldTitle.length,
      p50_ms: round(coldP50),
      p95_ms: round(quantile(coldTitleMs, 0.95)),
      statuses: [...new Set(coldTitle.map((r) => r.status))],
      peak_rss_mb: record('cold_title', 'peak', coldTitlePeak),
    });

    // cold_style: facts and art cached, composite new.
    const { result: coldStyle, peakMb: coldStylePeak } = await measured(service.pid, async () => {
      const rows = [];
      for (let i = 0; i < COLD_STYLES; i++) {
        const title = titles[i % titles.length]!;
        rows.push(await timedGet(`${app.url}${title}&${freshStyle()}`));
      }
      return rows;
    });
    const coldStyleMs = coldStyle.map((r) => r.ms);
    emit({
      phase: 'cold_style',
      n: coldStyle.length,
      p50_ms: round(quantile(coldStyleMs, 0.5)),
      p95_ms: round(quantile(coldStyleMs, 0.95)),
      misses: coldStyle.filter((r) => r.cache === 'MISS').length,
      peak_rss_mb: record('cold_style', 'peak', coldStylePeak),
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

    const { result: idle, peakMb: idlePeak } = await measured(service.pid, load);
    emit({
      phase: 'hit_idle',
      connections: CONNECTIONS,
      urls: hits.length,
      rps: round(idle.requests.average),
      p50_ms: idle.latency.p50,
      p99_ms: idle.latency.p99,
      non2xx: idle.non2xx,
      errors: idle.errors,
      peak_rss_mb: record('hit_idle', 'peak', idlePeak),
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
    const { result: loaded, peakMb: loadedPeak } = await measured(service.pid, async () => {
      const renderers = Array.from({ length: RENDER_SLOTS }, renderLoop);
      const result = await load();
      rendering = false;
      await Promise.all(renderers);
      return result;
    });
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
      peak_rss_mb: record('hit_loaded', 'peak', loadedPeak),
    });

    // burst_cold: 64 new styles at once, all behind the render slots.
    const { result: burst, peakMb: burstPeak } = await measured(service.pid, () =>
      Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          timedGet(`${app.url}${titles[i % titles.length]}&${freshStyle()}`),
        ),
      ),
    );
    const burstMs = burst.map((r) => r.ms);
    emit({
      phase: 'burst_cold',
      n: BURST,
      p50_ms: round(quantile(burstMs, 0.5)),
      max_ms: round(Math.max(...burstMs)),
      statuses: [...new Set(burst.map((r) => r.status))],
      peak_rss_mb: record('burst_cold', 'peak', burstPeak),
    });

    const { result: soaked, peakMb: soakPeak } = await measured(service.pid, () =>
      soak(app.url, titles, SOAK_S, SOAK_CLIENTS),
    );
    emit({
      phase: 'soak',
      seconds: SOAK_S,
      clients: SOAK_CLIENTS,
      ...soaked,
      peak_rss_mb: record('soak', 'peak', soakPeak),
    });
    await service.stop();

    // The same soak in demo mode, where the fake upstream (and its art drawing) shares the process.
    demo = await startService({
      ...base,
      DATA_DIR: dirs[2]!,
      RENDER_CONCURRENCY: String(RENDER_SLOTS),
      RENDER_WORKER_IDLE_TIMEOUT: '5',
    });
    await settle(3000);
    emit({ phase: 'demo_idle', rss_mb: record('demo_idle', 'idle', rssMb(demo.pid)) });
    const demoUrl = demo.url;
    const { result: demoSoaked, peakMb: demoPeak } = await measured(demo.pid, () =>
      soak(demoUrl, titles, SOAK_S, SOAK_CLIENTS),
    );
    emit({
      phase: 'demo_soak',
      seconds: SOAK_S,
      clients: SOAK_CLIENTS,
      ...demoSoaked,
      peak_rss_mb: record('demo_soak', 'peak', demoPeak),
    });
    await settle(8000);
    emit({ phase: 'demo_idle_after', rss_mb: record('demo_idle_after', 'idle', rssMb(demo.pid)) });

    const idleMb = memory.find((m) => m.phase === 'idle')?.rssMb ?? Number.NaN;
    const worstPeak = memory
      .filter((m) => m.kind === 'peak')
      .reduce((worst, m) => (m.rssMb > worst.rssMb ? m : worst));
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
      {
        target: `idle RSS after boot <= ${TARGET_IDLE_MB} MB (not demo mode)`,
        value: `${idleMb} MB`,
        pass: idleMb <= TARGET_IDLE_MB,
      },
      {
        target: `peak RSS in every phase <= ${TARGET_PEAK_MB} MB (RENDER_CONCURRENCY=${RENDER_SLOTS})`,
        value: `${worstPeak.rssMb} MB (${worstPeak.phase})`,
        pass: worstPeak.rssMb <= TARGET_PEAK_MB,
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
        phase: `hit_loaded (+${RENDER_SLOTS} renders)`,
        n: loaded.requests.total,
        'p50 ms': loaded.latency.p50,
        'p95/p99 ms': loaded.latency.p99,
        'req/s': round(loaded.requests.average),
      },
      {
        phase: `burst_cold (${BURST} at once)`,
        n: BURST,
        'p50 ms': round(quantile(burstMs, 0.5)),
        'p95/p99 ms': round(quantile(burstMs, 0.95)),
        'req/s': '',
      },
      {
        phase: `soak (${SOAK_CLIENTS} clients, ${SOAK_S} s)`,
        n: soaked.requests,
        'p50 ms': soaked.p50,
        'p95/p99 ms': soaked.p99,
        'req/s': round(soaked.requests / SOAK_S),
      },
      {
        phase: 'demo_soak (fake in-process)',
        n: demoSoaked.requests,
        'p50 ms': demoSoaked.p50,
        'p95/p99 ms': demoSoaked.p99,
        'req/s': round(demoSoaked.requests / SOAK_S),
      },
    ]);
    console.table(memory.map((m) => ({ phase: m.phase, measure: m.kind, 'RSS MB': m.rssMb })));
    for (const check of checks)
      console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.value}`);
  } finally {
    await service.stop();
    await demo?.stop();
    await warmup.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
