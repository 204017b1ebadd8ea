/**
 * The metric contract dashboards depend on: names, label names and label values (the Python service's
 * values where it had the metric). docs/OPERATIONS.md lists every one of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHE_TABLE_LABELS,
  cacheTableLabel,
  createMetrics,
  upstreamServiceLabel,
} from '../../src/observability/metrics.ts';
import { CACHE_TABLES } from '../../src/ports/storage.ts';

/** Every metric of ours (prom-client's default process metrics aside), with its label names. */
const CONTRACT: Record<string, string[]> = {
  postersplus_cache_lookups_total: ['table', 'result'],
  postersplus_render_duration_seconds: [],
  postersplus_render_inflight: [],
  postersplus_render_queue_depth: [],
  postersplus_render_saturated_total: [],
  postersplus_composite_cdn_hits_total: [],
  postersplus_preset_requests_total: ['preset'],
  postersplus_upstream_calls_total: ['service', 'status'],
  postersplus_circuit_state: ['service'],
  postersplus_backend_info: ['storage', 'coordinator', 'blobstore'],
  postersplus_http_requests_total: ['route', 'status'],
  postersplus_http_request_duration_seconds: ['route'],
  postersplus_job_runs_total: ['job', 'outcome'],
  postersplus_processes_reporting: [],
  postersplus_coordinator_failopen_total: [],
};

describe('metric contract', () => {
  it('names and label names are pinned', async () => {
    const metrics = createMetrics();
    const ours = (await metrics.registry.getMetricsAsJSON())
      .map((metric) => metric.name)
      .filter((name) => !/^postersplus_(process_|nodejs_)/.test(name));
    expect(ours.sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const [name, labels] of Object.entries(CONTRACT)) {
      const metric = metrics.registry.getSingleMetric(name) as unknown as { labelNames: string[] };
      expect([...metric.labelNames], name).toEqual(labels);
    }
  });

  it('cache_lookups_total{table} carries the Python service’s table names', () => {
    expect(CACHE_TABLE_LABELS).toEqual({
      composite: 'final_poster',
      rating_cache: 'rating',
      quality_cache: 'quality',
      tmdb_metadata_cache: 'tmdb_metadata',
      release_status_cache: 'release_status',
      trending_cache: 'trending',
      imdb_to_tmdb_cache: 'imdb_to_tmdb',
      digital_release_cache: 'digital_release',
      art_poster: 'tmdb_poster',
      art_logo: 'tmdb_logo',
    });
    // Every storage table has its label; none leaks a raw `_cache` name.
    for (const table of CACHE_TABLES) expect(cacheTableLabel(table)).not.toMatch(/_cache$/);
  });

  it('upstream_calls_total{service} names the quality source aiostreams (or scraper), not "quality"', () => {
    expect(upstreamServiceLabel('quality', 'aiostreams')).toBe('aiostreams');
    expect(upstreamServiceLabel('quality', 'scraper')).toBe('scraper');
    for (const service of ['tmdb', 'tmdb_images', 'mdblist', 'arctic_shift'])
      expect(upstreamServiceLabel(service, 'aiostreams')).toBe(service);
  });

  it('docs/OPERATIONS.md lists every metric and every table label', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/OPERATIONS.md'), 'utf8');
    for (const name of Object.keys(CONTRACT)) expect(doc, name).toContain(name);
    for (const label of Object.values(CACHE_TABLE_LABELS)) expect(doc, label).toContain(`\`${label}\``);
    expect(doc).toContain('`aiostreams`');
  });
});
