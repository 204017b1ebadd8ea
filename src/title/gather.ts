/**
 * Gathers everything the sources know about one title, through the fact caches (src/title/cachedFetch.ts):
 * TMDB details (7 days), MDBList ratings (1 day for new titles, else 14 days), stream quality (1 day for
 * new titles, else 90 days; fetched in the background unless the request waits for it), trending ranks
 * (1 day) and the digital-release set (written by the polling job).
 *
 * Shared fetches never take a request's abort signal: when a request's deadline passes, the fetch goes on
 * and fills the cache for the next request, while this request renders with what it has (provisional).
 */
import { bulkhead } from 'cockatiel';
import type { MediaType, QualityToken } from '../domain/facts.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import type { MdblistClient } from '../upstream/mdblist.ts';
import { type MdbListTitle, parseMdbList } from '../upstream/mdblistSchemas.ts';
import type { QualitySource } from '../upstream/qualitySources.ts';
import type { TmdbClient, TmdbImage, TmdbTitle } from '../upstream/tmdb.ts';
import type { TitleData } from './assemble.ts';
import type { CachedFetcher } from './cachedFetch.ts';
import { foldTokens, qualityFromStreams, tokensFromParsedFile } from './quality.ts';
import { FRESH_DAYS } from './releaseStatus.ts';

const DAY = 24 * 60 * 60 * 1000;

export interface TitleRef {
  tmdbId: string;
  mediaType: MediaType;
}

export interface GatherRequest {
  /** Languages whose logos/posters to fetch besides language-neutral ones. */
  imageLanguages: string[];
  tmdbKey?: string;
  mdblistKey?: string;
  /** Badge modes that show quality need the tokens. */
  needQuality: boolean;
  /** Block (bounded) for a missing quality fetch instead of rendering provisionally. */
  waitForQuality: boolean;
  /** Tokens the caller already knows (`quality=`): used as they are, the source is not asked. */
  qualityTokens?: readonly QualityToken[] | null;
  /** Series: the episode whose releases the quality lookup reads (default S1E1). */
  episode?: EpisodeRef;
  /** Anonymous public tier: read MDBList and quality from cache only, never spend their quota. */
  cacheOnly: boolean;
  /** …except ratings, which a cache-only request may still fetch (PRESET_MDBLIST_FETCH). */
  fetchRatings?: boolean;
  /** Epoch ms by which the answer must be ready. */
  deadline: number;
  /**
   * Called once TMDB's details are known, before ratings, quality and trending are awaited: the art
   * choice depends on the details alone, so its downloads can overlap those fetches.
   */
  onTitle?: (tmdb: TmdbTitle) => void;
}

export interface EpisodeRef {
  season: number;
  episode: number;
}

/**
 * The quality-cache (and claim) key: the IMDb id for movies and for a series' first episode (the
 * lookup every series made before `season`/`episode` were read, so those rows stay valid), else
 * `tt…:season:episode`, the Stremio episode id.
 */
export function qualityKey(mediaType: MediaType, imdbId: string, episode?: EpisodeRef): string {
  if (mediaType === 'movie' || !episode || (episode.season === 1 && episode.episode === 1)) return imdbId;
  return `${imdbId}:${episode.season}:${episode.episode}`;
}

export interface GatherDeps {
  fetcher: CachedFetcher;
  coordinator: Coordinator;
  tmdb: TmdbClient;
  mdblist: MdblistClient;
  quality: QualitySource;
  now: () => number;
  qualityBackgroundConcurrency: number;
  qualityWaitTimeoutMs: number;
  qualityGraceMs: number;
  qualityOldTtlMs: number;
  onBackgroundError?: (what: string, error: unknown) => void;
}

type Timed<T> = { done: true; value: T } | { done: false };

/** The value if it arrives before `deadline`, else a marker (the promise itself keeps running). */
async function before<T>(promise: Promise<T>, deadline: number, now: () => number): Promise<Timed<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), Math.max(0, deadline - now()));
  });
  try {
    return await Promise.race([promise.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

const isRecent = (isoDate: string | null | undefined, now: number) => {
  const time = isoDate ? Date.parse(isoDate) : Number.NaN;
  return Number.isFinite(time) && Math.abs(now - time) <= FRESH_DAYS * DAY;
};

export function createTitleGatherer(deps: GatherDeps) {
  const { fetcher } = deps;
  const qualityLimiter = bulkhead(Math.max(1, deps.qualityBackgroundConcurrency), 1000);
  const qualityInflight = new Map<string, Promise<QualityToken[] | null>>();

  /** The TMDB image languages asked with the details: the request's, plus English (the logo fallback). */
  function detailLanguages(request: GatherRequest): string[] {
    return [
      ...new Set([...request.imageLanguages, 'en'].map((l) => l.toLowerCase().split('-')[0] ?? l)),
    ].sort();
  }

  function tmdbTitle(ref: TitleRef, request: GatherRequest) {
    const languages = detailLanguages(request);
    return fetcher.get<TmdbTitle | null>({
      table: 'tmdb_metadata_cache',
      key: `${ref.mediaType}:${ref.tmdbId}:${languages.join(',')}`,
      fetch: () => deps.tmdb.title(ref.mediaType, ref.tmdbId, languages, { apiKey: request.tmdbKey }),
      // An unknown id is remembered for a day, so hostile ids cost one upstream call a day.
      ttlMs: (value) => (value ? 7 * DAY : DAY),
    });
  }

  /**
   * The logo chain's second step is the original language, which the details request could not name:
   * a foreign title whose logos lack it gets them from one supplemental images call (cached 7 days).
   * Best effort: without them the chain goes on to English.
   */
  async function withOriginalLogos(tmdb: TmdbTitle, request: GatherRequest): Promise<TmdbTitle> {
    const original = tmdb.originalLanguage?.toLowerCase().split('-')[0];
    if (!original || original === 'xx' || detailLanguages(request).includes(original)) return tmdb;
    const extra = await before(
      fetcher.get<TmdbImage[]>({
        table: 'tmdb_metadata_cache',
        key: `${tmdb.mediaType}:${tmdb.tmdbId}:logos:${original}`,
        fetch: () => deps.tmdb.logos(tmdb.mediaType, tmdb.tmdbId, original, { apiKey: request.tmdbKey }),
        ttlMs: () => 7 * DAY,
      }),
      request.deadline,
      deps.now,
    );
    if (!extra.done || !extra.value.ok || extra.value.value.length === 0) return tmdb;
    const known = new Set(tmdb.logos.map((logo) => logo.filePath));
    const added = extra.value.value.filter((logo) => !known.has(logo.filePath));
    return added.length ? { ...tmdb, logos: [...tmdb.logos, ...added] } : tmdb;
  }

  async function ratings(
    tmdb: TmdbTitle,
    request: GatherRequest,
  ): Promise<{ value: MdbListTitle | null; reason?: string }> {
    const key = tmdb.imdbId ?? `tmdb:${tmdb.mediaType}:${tmdb.tmdbId}`;
    if (request.cacheOnly && !request.fetchRatings) {
      const cached = await fetcher.peek<MdbListTitle | null>('rating_cache', key);
      return cached ? { value: cached.value } : { value: null, reason: 'rating_not_cached' };
    }
    let disabled = false;
    const result = await fetcher.get<MdbListTitle | null>({
      table: 'rating_cache',
      key,
      fetch: async () => {
        const answer = await deps.mdblist.fetchTitle(
          { mediaType: tmdb.mediaType, imdbId: tmdb.imdbId, tmdbId: tmdb.tmdbId },
          { apiKey: request.mdblistKey },
        );
        if (answer.outcome === 'disabled') {
          disabled = true;
          throw new Error('mdblist disabled');
        }
        if (answer.outcome === 'backoff') throw new Error('mdblist backoff');
        return answer.outcome === 'ok' ? parseMdbList(answer.body) : null;
      },
      ttlMs: (value) => (value && isRecent(value.released, deps.now()) ? DAY : 14 * DAY),
    });
    if (disabled) return { value: result.ok ? result.value : null };
    if (!result.ok) return { value: null, reason: 'rating_unavailable' };
    return result.result === 'stale'
      ? { value: result.value, reason: 'rating_stale' }
      : { value: result.value };
  }

  async function fetchQualityNow(
    tmdb: TmdbTitle,
    imdbId: string,
    episode?: EpisodeRef,
  ): Promise<QualityToken[]> {
    const answer = await deps.quality.fetch(tmdb.mediaType, imdbId, undefined, episode);
    if (answer.outcome === 'empty') return [];
    return deps.quality.kind === 'aiostreams'
      ? foldTokens(answer.streams.flatMap((file) => tokensFromParsedFile(file)))
      : qualityFromStreams({ streams: answer.streams });
  }

  /**
   * One background fetch per title across replicas (claim), bounded per process (bulkhead). Resolves to
   * the tokens when this call fetched them (null: another caller holds the claim, or the fetch failed).
   */
  function refreshQuality(
    tmdb: TmdbTitle,
    imdbId: string,
    episode?: EpisodeRef,
  ): Promise<QualityToken[] | null> {
    const key = qualityKey(tmdb.mediaType, imdbId, episode);
    // Requests in this process join the fetch already running: the claim below would turn them away
    // with nothing, and a second first request for the title (another style) rendered provisionally.
    const running = qualityInflight.get(key);
    if (running) return running;
    const pending = claimAndFetchQuality(tmdb, imdbId, key, episode).finally(() =>
      qualityInflight.delete(key),
    );
    qualityInflight.set(key, pending);
    return pending;
  }

  function claimAndFetchQuality(
    tmdb: TmdbTitle,
    imdbId: string,
    key: string,
    episode?: EpisodeRef,
  ): Promise<QualityToken[] | null> {
    return (async () => {
      if (!(await deps.coordinator.claim('quality-bg', key, 60_000))) return null;
      try {
        const tokens = await qualityLimiter.execute(() => fetchQualityNow(tmdb, imdbId, episode));
        const ttl = isRecent(tmdb.releaseDate, deps.now()) ? DAY : deps.qualityOldTtlMs;
        await fetcher.store('quality_cache', key, tokens, ttl);
        return tokens;
      } finally {
        await deps.coordinator.releaseClaim('quality-bg', key);
      }
    })().catch((error: unknown) => {
      deps.onBackgroundError?.('quality', error);
      return null;
    });
  }

  async function quality(
    tmdb: TmdbTitle,
    request: GatherRequest,
  ): Promise<{ value: QualityToken[] | null; reason?: string }> {
    // The caller's own tokens (Plex/Jellyfin sync) are complete facts: no source, no cache, no wait.
    if (request.qualityTokens) return { value: [...request.qualityTokens] };
    if (!request.needQuality || !tmdb.imdbId || !deps.quality.configured()) return { value: null };
    const key = qualityKey(tmdb.mediaType, tmdb.imdbId, request.episode);
    const cached = await fetcher.peek<QualityToken[]>('quality_cache', key);
    if (cached?.fresh) return { value: cached.value };
    if (request.cacheOnly) return { value: cached?.value ?? null, reason: 'quality_not_cached' };
    const pending = refreshQuality(tmdb, tmdb.imdbId, request.episode);
    // wait_for_quality waits up to QUALITY_WAIT_TIMEOUT_MS; a cold title waits a short grace anyway, since
    // most sources answer within it and a complete first poster beats a provisional one.
    const waitMs = request.waitForQuality ? deps.qualityWaitTimeoutMs : cached ? 0 : deps.qualityGraceMs;
    if (waitMs > 0) {
      const waited = await before(pending, Math.min(request.deadline, deps.now() + waitMs), deps.now);
      // Our own fetch's tokens count even when storing them failed (storage down): the poster is complete.
      if (waited.done && waited.value) return { value: waited.value };
      const after = await fetcher.peek<QualityToken[]>('quality_cache', key);
      if (waited.done && after?.fresh) return { value: after.value };
    }
    return cached
      ? { value: cached.value, reason: 'quality_stale' }
      : { value: null, reason: 'quality_pending' };
  }

  async function trendingRank(tmdb: TmdbTitle): Promise<number | null> {
    const result = await fetcher.get<string[]>({
      table: 'trending_cache',
      key: tmdb.mediaType,
      fetch: () => deps.tmdb.trending(tmdb.mediaType),
      ttlMs: () => DAY,
    });
    if (!result.ok) return null;
    const index = result.value.indexOf(tmdb.tmdbId);
    return index >= 0 ? index + 1 : null;
  }

  async function digitalRelease(tmdb: TmdbTitle): Promise<ReadonlySet<string>> {
    if (!tmdb.imdbId || tmdb.mediaType !== 'movie') return new Set();
    const row = await fetcher.peek('digital_release_cache', tmdb.imdbId);
    return row ? new Set([tmdb.imdbId]) : new Set();
  }

  return {
    /**
     * TMDB's answer for the title: the data, `null` when TMDB does not know the id, or `undefined` when
     * TMDB could not be asked (down, deadline) and nothing is cached.
     */
    async gather(ref: TitleRef, request: GatherRequest): Promise<TitleData | null | undefined> {
      const details = await before(tmdbTitle(ref, request), request.deadline, deps.now);
      if (!details.done || !details.value.ok) return undefined;
      if (details.value.value === null) return null;
      const tmdb = await withOriginalLogos(details.value.value, request);
      try {
        request.onTitle?.(tmdb);
      } catch {
        // an early start is an optimisation only; the caller fetches what it needs afterwards anyway
      }
      const reasons = details.value.result === 'stale' ? ['metadata_stale'] : [];

      const [rated, qual, rank, digital] = await Promise.all([
        before(ratings(tmdb, request), request.deadline, deps.now),
        before(quality(tmdb, request), request.deadline, deps.now),
        before(trendingRank(tmdb), request.deadline, deps.now),
        before(digitalRelease(tmdb), request.deadline, deps.now),
      ]);
      if (!rated.done) reasons.push('rating_deadline');
      else if (rated.value.reason) reasons.push(rated.value.reason);
      if (!qual.done) reasons.push('quality_deadline');
      else if (qual.value.reason) reasons.push(qual.value.reason);
      return {
        tmdb,
        mdblist: rated.done ? rated.value.value : null,
        qualityTokens: qual.done ? qual.value.value : null,
        trendingRank: rank.done ? rank.value : null,
        digitalReleaseIds: digital.done ? digital.value : new Set(),
        provisionalReasons: reasons,
      };
    },

    /** IMDb (or TVDB) id → TMDB id and type through /find, cached for good (unknown ids for a day). */
    async resolve(
      external: { imdbId?: string | null; tvdbId?: string | null },
      request: { tmdbKey?: string; deadline: number },
    ): Promise<TitleRef | null | undefined> {
      const key = external.imdbId ?? `tvdb:${external.tvdbId}`;
      const lookup = fetcher.get<TitleRef | null>({
        table: 'imdb_to_tmdb_cache',
        key,
        fetch: () =>
          external.imdbId
            ? deps.tmdb.find(external.imdbId, { apiKey: request.tmdbKey })
            : deps.tmdb.findByTvdb(String(external.tvdbId), { apiKey: request.tmdbKey }),
        ttlMs: (value) => (value ? null : DAY),
      });
      const answer = await before(lookup, request.deadline, deps.now);
      if (!answer.done || !answer.value.ok) return undefined;
      return answer.value.value;
    },
  };
}

export type TitleGatherer = ReturnType<typeof createTitleGatherer>;
