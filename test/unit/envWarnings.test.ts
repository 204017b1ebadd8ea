import { describe, expect, it } from 'vitest';
import { configWarnings, editDistance, IGNORED_PYTHON_NAMES } from '../../src/config/envWarnings.ts';
import { ConfigError, loadConfig } from '../../src/config/load.ts';

describe('the Python service’s env names (aliases in the config schema)', () => {
  it('reads them with the same meaning, converting units', () => {
    const config = loadConfig({
      QUALITY_WAIT_TIMEOUT: '12.5',
      QUALITY_OLD_CACHE_DURATION: '30',
      SERVER_TMDB_KEY: 'tmdb-key-from-old-env',
      SERVER_MDBLIST_KEY: 'mdblist-key-from-old-env',
      POSTER_RENDER_CONCURRENCY: '6',
      COMPOSITE_BLOB_DIR: '/srv/composites',
    });
    expect(config.QUALITY_WAIT_TIMEOUT_MS).toBe(12500);
    expect(config.QUALITY_OLD_CACHE_DAYS).toBe(30);
    expect(config.TMDB_API_KEY).toBe('tmdb-key-from-old-env');
    expect(config.MDBLIST_API_KEY).toBe('mdblist-key-from-old-env');
    expect(config.RENDER_CONCURRENCY).toBe(6);
    expect(config.COMPOSITE_BLOB_DIR).toBe('/srv/composites');
  });

  it('our own name wins over an alias; an empty own name (a copied .env.example) does not', () => {
    expect(
      loadConfig({ QUALITY_WAIT_TIMEOUT_MS: '1000', QUALITY_WAIT_TIMEOUT: '12' }).QUALITY_WAIT_TIMEOUT_MS,
    ).toBe(1000);
    expect(
      loadConfig({ QUALITY_WAIT_TIMEOUT_MS: '', QUALITY_WAIT_TIMEOUT: '12' }).QUALITY_WAIT_TIMEOUT_MS,
    ).toBe(12000);
  });

  it('a bad alias value names the alias', () => {
    expect(() => loadConfig({ QUALITY_WAIT_TIMEOUT: 'soon' })).toThrow(
      /QUALITY_WAIT_TIMEOUT \(alias of QUALITY_WAIT_TIMEOUT_MS\)/,
    );
  });

  it('MDBLIST_CONCURRENCY=0 means no cap (not 1)', () => {
    expect(loadConfig({ MDBLIST_CONCURRENCY: '0' }).MDBLIST_CONCURRENCY).toBe(0);
  });

  it('QUALITY_SOURCE=qualicache fails with what to use instead', () => {
    try {
      loadConfig({ QUALITY_SOURCE: 'qualicache' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem).toContain('QUALITY_SOURCE');
      expect(problem).toContain('aiostreams');
      expect(problem).toContain('scraper');
    }
  });
});

describe('boot warnings (configWarnings)', () => {
  const env = {
    PATH: '/usr/bin',
    HOME: '/root',
    HOSTNAME: 'pod-1',
    NODE_ENV: 'production',
    AWS_ACCESS_KEY_ID: 'x',
    TMDB_API_KEY: 'real',
    QUALITY_WAIT_TIMEOUT: '30',
    SERVER_TMDB_KEY: 'old-secret-value',
    PROMETHEUS_MULTIPROC_DIR: '/tmp/prom',
    TVDB_API_KEY: 'tvdb-secret',
    MDBLIST_APIKEY: 'typo-secret',
    RENDER_QUEUE_TIMEOUTS: '30',
    PRESET_THING: '1',
    PORTS: '8000',
  };
  const warnings = configWarnings(env);

  it('one line per renamed, retired, unsupported or misspelt variable — and none for the rest', () => {
    const named = (name: string) => warnings.filter((line) => line.startsWith(`${name} `));
    for (const name of [
      'QUALITY_WAIT_TIMEOUT',
      'SERVER_TMDB_KEY',
      'PROMETHEUS_MULTIPROC_DIR',
      'TVDB_API_KEY',
      'MDBLIST_APIKEY',
      'RENDER_QUEUE_TIMEOUTS',
      'PRESET_THING',
      'PORTS',
    ])
      expect(named(name), name).toHaveLength(1);
    expect(warnings).toHaveLength(8);
  });

  it('says what to use instead', () => {
    expect(warnings).toContain(
      'QUALITY_WAIT_TIMEOUT is the Python service’s name, in seconds: read as QUALITY_WAIT_TIMEOUT_MS; rename it to QUALITY_WAIT_TIMEOUT_MS',
    );
    expect(warnings.find((l) => l.startsWith('SERVER_TMDB_KEY'))).toContain(
      'ignored because TMDB_API_KEY is also set',
    );
    expect(warnings.find((l) => l.startsWith('PROMETHEUS_MULTIPROC_DIR'))).toContain(
      IGNORED_PYTHON_NAMES.PROMETHEUS_MULTIPROC_DIR,
    );
    expect(warnings.find((l) => l.startsWith('MDBLIST_APIKEY'))).toContain('did you mean MDBLIST_API_KEY?');
    expect(warnings.find((l) => l.startsWith('RENDER_QUEUE_TIMEOUTS'))).toContain(
      'did you mean RENDER_QUEUE_TIMEOUT?',
    );
    expect(warnings.find((l) => l.startsWith('PORTS'))).toContain('did you mean PORT?');
  });

  it('never quotes a value', () => {
    for (const secret of ['old-secret-value', 'tvdb-secret', 'typo-secret']) {
      expect(warnings.join('\n')).not.toContain(secret);
    }
  });

  it('edit distance', () => {
    expect(editDistance('PORTS', 'PORT')).toBe(1);
    expect(editDistance('MDBLIST_APIKEY', 'MDBLIST_API_KEY')).toBe(1);
  });
});

describe('docs/HOSTING.md, "Moving from the Python service"', () => {
  it('names every alias, ignored name and public preset', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/HOSTING.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Moving from the Python service'));
    expect(section.length).toBeGreaterThan(100);
    const { CONFIG_SCHEMA } = await import('../../src/config/schema.ts');
    for (const spec of Object.values(CONFIG_SCHEMA))
      for (const alias of (spec as { aliases?: { name: string }[] }).aliases ?? [])
        expect(section, alias.name).toContain(`\`${alias.name}\``);
    for (const name of Object.keys(IGNORED_PYTHON_NAMES)) expect(section, name).toContain(`\`${name}\``);
    for (const id of ['default', 'awards', 'minimalist', 'letterboxd', 'cinephile', 'quality'])
      expect(section, id).toContain(`\`${id}\``);
  });
});
