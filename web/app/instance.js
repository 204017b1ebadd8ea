/**
 * This instance as the page talks to it: its origin (copied URLs point here) and the keys the visitor
 * gave for it. The keys live in this page's memory only: they go to this origin and into copied URLs,
 * and are never stored.
 */

import { KEY_NAMES } from './urls.js';

/** @import { Keys } from './types.d.ts' */

export const origin = window.location.origin;

/** @type {Keys} */
export const keys = { tmdb_key: '', mdblist_key: '', access_key: '' };

/** Keys to send with a call to this instance. */
export const callKeys = () => {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of KEY_NAMES) if (keys[name]) out[name] = keys[name];
  return out;
};

/**
 * An access key in the page's own URL (?access_key=…) unlocks it; it is taken into memory and removed
 * from the address bar (so it is neither bookmarked nor shown over a shoulder).
 */
export function takeAccessKeyFromAddress() {
  const pageParams = new URLSearchParams(window.location.search);
  const givenKey = pageParams.get('access_key');
  if (!givenKey) return;
  keys.access_key = givenKey;
  pageParams.delete('access_key');
  const rest = pageParams.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
}
