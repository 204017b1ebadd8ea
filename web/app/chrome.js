/**
 * The page around the editor: banners, the capability chips and version, the notes box and the copy
 * buttons' status line. Each writes to one fixed element of index.html.
 */

import { $, h } from './dom.js';

/** @import { ServerCaps } from './types.d.ts' */

/**
 * @param {'info' | 'warn' | 'error'} tone
 * @param {string} heading
 * @param {(string | Node)[]} body
 * @param {string} [id]
 */
export function banner(tone, heading, body, id) {
  const el = h(
    'section',
    { class: `banner ${tone}`, role: tone === 'error' ? 'alert' : 'note', id: id ?? null },
    h('h2', {}, heading),
    h('p', {}, ...body),
  );
  $('#banners', HTMLElement).append(el);
  return el;
}

/** @param {ServerCaps} caps */
export function showCaps(caps) {
  /** @param {string} text @param {boolean} ok @param {string} title */
  const chip = (text, ok, title) => h('li', { class: ok ? 'chip ok' : 'chip off', title }, text);
  $('#caps', HTMLElement).replaceChildren(
    caps.demo_mode
      ? h('li', { class: 'chip demo', title: 'Built-in offline catalogue' }, 'Demo mode')
      : chip(
          'TMDB',
          caps.tmdb_key_set,
          caps.tmdb_key_set ? 'The server has a TMDB key' : 'No server TMDB key',
        ),
    chip(
      'Ratings',
      caps.mdblist_key_set,
      caps.mdblist_key_set ? 'MDBList ratings available' : 'No MDBList key',
    ),
    chip(
      'Stream quality',
      caps.quality_configured,
      caps.quality_configured ? 'Quality badges have a source' : 'No stream-quality source configured',
    ),
  );
  $('#version', HTMLElement).textContent = `v${caps.version}`;
}

/** The demo catalogue's banner: what it is, titles to try, and how to leave it. */
export function demoBanner() {
  banner(
    'info',
    'Demo mode',
    [
      'This instance has no TMDB key, so it serves a small built-in offline catalogue with generated art (try ',
      h('em', {}, 'Inception'),
      ', ',
      h('em', {}, 'Breaking Bad'),
      ' or ',
      h('em', {}, 'Parasite'),
      '). To use real titles, set ',
      h('code', {}, 'TMDB_API_KEY'),
      ' (and ',
      h('code', {}, 'MDBLIST_API_KEY'),
      ' for ratings) in the server’s environment and restart it.',
    ],
    'demo-banner',
  );
}

/** @param {string} text */
function setCopyStatus(text) {
  $('#copy-status', HTMLElement).textContent = text;
}

/**
 * Notes from an import or the server's reading of the settings; empty hides the box.
 * @param {string} heading
 * @param {string[]} lines
 */
export function showNotes(heading, lines) {
  const box = $('#notes', HTMLElement);
  box.hidden = lines.length === 0;
  box.replaceChildren(
    h('p', { class: 'notes-heading' }, heading),
    h(
      'ul',
      {},
      lines.map((line) => h('li', {}, line)),
    ),
  );
}

/** Copies a field's text; falls back to a selection copy where the clipboard API is absent (plain http). */
export async function copyField(/** @type {HTMLTextAreaElement} */ field) {
  const text = field.value;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard API');
    await navigator.clipboard.writeText(text);
  } catch {
    field.focus();
    field.select();
    // Deprecated, but the only copy that works on a plain-http LAN address.
    if (!document.execCommand('copy')) {
      setCopyStatus('Select the URL and copy it by hand (your browser blocked the clipboard).');
      return;
    }
  }
  setCopyStatus('Copied. Paste it into your addon’s poster URL setting.');
}
