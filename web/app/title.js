/**
 * The title the preview shows and the plain URL names: a safe default, one read back from storage,
 * one picked from the search, and its caption under the preview.
 */

import { resolveImdb } from './api.js';
import { $, h } from './dom.js';
import { callKeys } from './instance.js';

/** @import { SearchHit, Title } from './types.d.ts' */

/** A title every TMDB (and the demo catalogue) has, so the first preview works everywhere. */
export const DEFAULT_TITLE = /** @type {Title} */ ({
  imdbId: 'tt0111161',
  tmdbId: '278',
  type: 'movie',
  label: 'The Shawshank Redemption (1994)',
});

/**
 * A stored title, checked field by field (storage is input like any other), or null.
 * @param {unknown} value
 * @returns {Title | null}
 */
export function asTitle(value) {
  if (!value || typeof value !== 'object') return null;
  const t = /** @type {Record<string, unknown>} */ (value);
  const imdbId = typeof t.imdbId === 'string' && /^tt\d{1,10}$/.test(t.imdbId) ? t.imdbId : null;
  const tmdbId = typeof t.tmdbId === 'string' && /^\d{1,10}$/.test(t.tmdbId) ? t.tmdbId : null;
  if (!imdbId && !tmdbId) return null;
  return {
    imdbId,
    tmdbId,
    type: t.type === 'tv' ? 'tv' : 'movie',
    label: typeof t.label === 'string' ? t.label.slice(0, 200) : (imdbId ?? `TMDB ${tmdbId}`),
  };
}

/** @param {Title} title */
export function showTitle(title) {
  const caption = $('#preview-caption', HTMLElement);
  caption.replaceChildren(
    h('span', { class: 'caption-title' }, title.label),
    h(
      'span',
      { class: 'caption-meta' },
      [title.type === 'tv' ? 'Series' : 'Movie', title.imdbId, title.tmdbId ? `TMDB ${title.tmdbId}` : null]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

/**
 * A search hit → a title with its IMDb id (the /p tier and the rating sources key on it).
 * @param {SearchHit} hit
 * @returns {Promise<Title>}
 */
export async function titleFromHit(hit) {
  let imdbId = null;
  try {
    imdbId = await resolveImdb(hit.tmdbId, hit.type, callKeys());
  } catch {
    // The TMDB id alone still renders through /poster.
  }
  return {
    imdbId,
    tmdbId: hit.tmdbId,
    type: hit.type,
    label: hit.year ? `${hit.title} (${hit.year})` : hit.title,
  };
}
