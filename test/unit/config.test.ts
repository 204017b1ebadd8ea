import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretValues } from '../../src/config/load.ts';
import { CONFIG_SCHEMA } from '../../src/config/schema.ts';

describe('loadConfig', () => {
  it('gives the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8000);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.TMDB_API_BASE).toBe('https://api.themoviedb.org/3');
    expect(config.TMDB_IMAGE_BASE).toBe('https://image.tmdb.org/t/p');
    expect(config.MDBLIST_API_BASE).toBe('https://api.mdblist.com');
    expect(config.QUALITY_SOURCE).toBe('aiostreams');
    expect(config.REDIS_KEY_PREFIX).toBe('postersplus');
    expect(config.LOG_FORMAT).toBe('text');
    expect(config.IMAGE_FORMAT).toBe('webp');
    expect(config.JPEG_QUALITY).toBe(85);
    expect(config.WEBP_QUALITY).toBe(85);
    expect(config.TMDB_API_KEY).toBe('');
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ['JPEG_QUALITY', '100', 95],
    ['JPEG_QUALITY', '10', 70],
    ['WEBP_QUALITY', ' 90 ', 90],
    ['PORT', '70000', 65535],
  ] as const)('clamps %s=%s to %s', (name, raw, expected) => {
    expect(loadConfig({ [name]: raw })[name]).toBe(expected);
  });

  it.each([
    ['IMAGE_FORMAT', 'JPG', 'jpeg'],
    ['IMAGE_FORMAT', 'jpeg', 'jpeg'],
    ['LOG_FORMAT', 'JSON', 'json'],
    ['QUALITY_SOURCE', 'scraper', 'scraper'],
    ['LOG_REQUESTS', 'no', false],
    ['LOG_REQUESTS', 'TRUE', true],
    ['TMDB_API_BASE', 'http://127.0.0.1:9/tmdb/3/', 'http://127.0.0.1:9/tmdb/3'],
  ] as const)('parses %s=%s as %s', (name, raw, expected) => {
    expect(loadConfig({ [name]: raw })[name]).toBe(expected);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '  ', IMAGE_FORMAT: '' }).PORT).toBe(8000);
  });

  it('reports every problem together, each naming its variable', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', IMAGE_FORMAT: 'gif', LOG_REQUESTS: 'maybe', TMDB_API_BASE: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
        'IMAGE_FORMAT',
        'LOG_REQUESTS',
        'PORT',
        'TMDB_API_BASE',
      ]);
      expect(problems.join('\n')).toContain('gif');
    }
  });

  it('never echoes the value of a secret variable in a problem', () => {
    try {
      loadConfig({ DATABASE_URL: 'not-a-url-with-password-hunter2' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('DATABASE_URL');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('lists set secrets for redaction, and only secrets', () => {
    const config = loadConfig({
      TMDB_API_KEY: 'tmdb-secret-1',
      ACCESS_KEY: 'open-sesame',
      HOST: '127.0.0.1',
    });
    expect(secretValues(config).sort()).toEqual(['open-sesame', 'tmdb-secret-1']);
  });

  it('documents every variable', () => {
    for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
      expect(spec.doc.length, name).toBeGreaterThan(10);
      expect(name).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });
});
