/**
 * `GET /server-caps`: what this instance can do and every parameter default, for the configurator.
 * Anonymous when the public preset tier is on (the locked configurator needs the
 * preset gallery); otherwise behind the operator gate like the rest.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { paramDefaults } from '../../poster/params.ts';
import { presetCatalogue } from '../../poster/presets.ts';
import { DEFAULT_SASH_PRIORITY, DIFF_SEED } from '../../title/sashPriority.ts';
import { operatorAccess, requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { DOCUMENTED_ONLY, error } from './schemas.ts';

/**
 * Always written by the configurator even when equal to the default: ids, keys and
 * the client profile, plus the two insets whose default moves with primary_client.
 */
export const NEVER_OMITTED_PARAMS = [
  'access_key',
  'anilist_id',
  'bar_bottom_inset',
  'imdb_id',
  'kitsu_id',
  'mdblist_key',
  'primary_client',
  'quality',
  'sash_badge_inset',
  'stremio_id',
  'tmdb_id',
  'tmdb_key',
  'type',
] as const;

/** A title every TMDB knows: preset cards preview it (the demo catalogue has it too). */
const SCREENSHOT_TITLE = 'movie/tt0111161.jpg';

function packageVersion(): string {
  try {
    const raw = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(raw) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'dev';
  } catch {
    return 'dev';
  }
}

export const VERSION = packageVersion();

const schema = {
  summary: 'Capabilities and parameter defaults',
  description:
    'What the configurator needs: which keys the server holds (never their values), the quality source, every parameter default, the preset gallery, whether the caller’s access_key unlocks the operator endpoints (access_key_valid) and whether an access_key is needed to (access_key_required), and where to learn to self-host (self_host_url). Anonymous when PRESET_ENABLED=true, else behind the operator gate.',
  tags: ['configurator'],
  querystring: {
    type: 'object',
    properties: { access_key: { type: 'string', description: 'Operator key, checked for access_key_valid' } },
    additionalProperties: true,
  },
  response: {
    200: {
      description: 'Capabilities',
      type: 'object',
      properties: {
        version: { type: 'string', description: 'package.json version' },
        demo_mode: { type: 'boolean', description: 'Serving the built-in offline catalogue' },
        tmdb_key_set: { type: 'boolean' },
        mdblist_key_set: { type: 'boolean' },
        mdblist_key_count: { type: 'integer' },
        aiostreams_configured: { type: 'boolean' },
        quality_source: { type: 'string', enum: ['aiostreams', 'scraper'] },
        quality_configured: { type: 'boolean' },
        trending_fetch_count: { type: 'integer' },
        param_defaults: {
          type: 'object',
          description: 'Default of every style parameter in query form (never-omitted ones excluded)',
          additionalProperties: { type: 'string' },
        },
        param_table: {
          type: 'array',
          description:
            'Every style parameter: kind, default, clamp or values, aliases, group, doc, per-client defaults',
          items: { type: 'object', additionalProperties: true },
        },
        never_omitted_params: { type: 'array', items: { type: 'string' } },
        sash_priority_default: { type: 'string' },
        sash_priority_diff_seed: { type: 'string' },
        preset_enabled: { type: 'boolean' },
        presets: {
          type: 'array',
          description: 'The current gallery (retired ids still render but are not listed); [] when disabled',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              description: { type: 'string' },
              screenshot_url: { type: 'string', description: 'Relative /p URL of a sample poster' },
            },
            required: ['id', 'name', 'description', 'screenshot_url'],
          },
        },
        access_key_valid: {
          type: 'boolean',
          description: 'The operator endpoints accept this caller (open instance, or the right access_key)',
        },
        access_key_required: {
          type: 'boolean',
          description:
            'ACCESS_KEY is set and this caller did not give it: the operator endpoints open with the key (false when no key would help: an open instance, or the public tier without ACCESS_KEY)',
        },
        self_host_url: {
          type: 'string',
          description: 'Where to learn to run an instance of your own (SELF_HOST_URL)',
        },
      },
    },
    403: error('Operator access denied (presets disabled, ACCESS_KEY set and not given)'),
  },
} as const;

export function registerCapsRoute(app: FastifyInstance, deps: AppDeps): void {
  const neverOmitted = new Set<string>(NEVER_OMITTED_PARAMS);
  const table = paramDefaults();
  const defaults = Object.fromEntries(
    table.filter((row) => !neverOmitted.has(row.name)).map((row) => [row.name, row.default]),
  );

  app.get('/server-caps', { schema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const { config, upstream, facts } = deps;
    const accessKey = (request.query as Record<string, unknown>).access_key;
    if (!config.PRESET_ENABLED) requireOperator(config, accessKey);
    const access = operatorAccess(config, accessKey);
    reply.header('cache-control', 'no-store');
    return {
      version: VERSION,
      demo_mode: upstream.demo,
      tmdb_key_set: upstream.tmdbApiKey !== '',
      mdblist_key_set: upstream.mdblistApiKeys.length > 0,
      mdblist_key_count: upstream.mdblistApiKeys.length,
      aiostreams_configured: upstream.aiostreamsUrl !== '',
      quality_source: facts.quality.kind,
      quality_configured: facts.quality.configured(),
      trending_fetch_count: config.TRENDING_FETCH_COUNT,
      param_defaults: defaults,
      param_table: table,
      never_omitted_params: [...NEVER_OMITTED_PARAMS],
      sash_priority_default: DEFAULT_SASH_PRIORITY.join(','),
      sash_priority_diff_seed: DIFF_SEED,
      preset_enabled: config.PRESET_ENABLED,
      presets: config.PRESET_ENABLED
        ? presetCatalogue().map((preset) => ({
            id: preset.id,
            name: preset.name,
            description: preset.description,
            screenshot_url: `/p/${preset.id}/${SCREENSHOT_TITLE}`,
          }))
        : [],
      access_key_valid: access !== 'denied',
      // Says up front whether a key would unlock the operator endpoints, so clients ask for it first.
      access_key_required: Boolean(config.ACCESS_KEY) && access !== 'granted',
      self_host_url: config.SELF_HOST_URL,
    };
  });
}
