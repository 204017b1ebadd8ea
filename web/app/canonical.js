/**
 * The editor kept on the server's reading of its settings (/configurator/normalize): canonical, shrunk,
 * with notes on what the server ignored or clamped. Every change bumps `state.version`; an answer is
 * applied only if the version it was asked at is still current, so a late answer never undoes a newer
 * edit. An imported URL goes through the same reading.
 */

import { normalize, normalizePreset } from './api.js';
import { showNotes } from './chrome.js';
import { $, debounce } from './dom.js';
import { keys, origin } from './instance.js';
import { KEY_NAMES, parseImport } from './urls.js';

/** @import { EditorState, Normalized, Title } from './types.d.ts' */
/** @import { Store } from './store.js' */

/**
 * A debounced "ask the server again", applying its answer to the store (as source 'canonical').
 * @param {Store} store
 * @param {EditorState} state
 * @param {() => void} applied after an answer was applied (save, refresh the URLs)
 */
export function createRenormalizer(store, state, applied) {
  return debounce(async () => {
    const mine = state.version;
    try {
      const result = await normalize(store.toQuery());
      if (mine !== state.version) return;
      state.canonical = result;
      store.replaceAll(new URLSearchParams(result.query), 'canonical');
      if (result.notes.length > 0) showNotes('The server adjusted:', result.notes);
      applied();
    } catch (error) {
      if (mine !== state.version) return;
      showNotes('Settings could not be checked', [error instanceof Error ? error.message : String(error)]);
    }
  }, 120);
}

/**
 * Loads a pasted /poster or /p URL into the editor: its settings (through the server), its title, and
 * its keys where none were typed. Everything the page did not take is listed in the notes box.
 * @param {string} text
 * @param {{ store: Store, state: EditorState, title: Title, presetTier: boolean, save(): void }} editor
 */
export async function importIntoEditor(text, { store, state, title, presetTier, save }) {
  const parsed = parseImport(text, origin);
  if (parsed.kind === 'error') return showNotes('Import', [parsed.message]);
  /** @type {string[]} */
  const notes = [...parsed.notes];
  if (parsed.origin !== origin)
    notes.push('That URL is from another instance; copied URLs point to this one.');
  try {
    /** @type {Normalized} */
    let result;
    if (parsed.kind === 'preset') {
      result = await normalizePreset(parsed.preset);
      state.preset = presetTier ? parsed.preset : null;
      if (!presetTier)
        notes.push('The preset tier is off here: its settings were loaded as /poster settings.');
    } else {
      result = await normalize(new URLSearchParams(parsed.style));
      state.preset = null;
      for (const name of KEY_NAMES) {
        const value = parsed.keys[name];
        if (!value) continue;
        // A key already typed wins: importing someone's URL must not swap in their key unnoticed.
        if (keys[name]) notes.push(`${name} from the URL ignored: you already entered one`);
        else {
          keys[name] = value;
          $(`#key-${name}`, HTMLInputElement).value = value;
        }
      }
    }
    state.version++;
    state.canonical = result;
    store.replaceAll(new URLSearchParams(result.query), 'canonical');
    notes.push(...result.notes.map((note) => `Ignored or adjusted: ${note}`));
  } catch (error) {
    notes.push(error instanceof Error ? error.message : String(error));
  }
  if (parsed.identity) {
    Object.assign(title, {
      ...parsed.identity,
      label: parsed.identity.imdbId ?? `TMDB ${parsed.identity.tmdbId}`,
    });
  }
  save();
  showNotes(notes.length > 0 ? 'Imported, with notes:' : 'Imported.', notes);
  $('#notes', HTMLElement).hidden = false;
}
