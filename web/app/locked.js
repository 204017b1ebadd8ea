/**
 * Lock mode: the public preset tier seen without the operator's key. Only the gallery is offered; the
 * preview and every copied URL use /p/{preset}/{type}/{imdb_id}.jpg, never /poster.
 */

import { showNotes } from './chrome.js';
import { wireCommon } from './common.js';
import { $ } from './dom.js';
import { presetGallery } from './gallery.js';
import { origin } from './instance.js';
import { loadSaved, saveSession } from './session.js';
import { asTitle, DEFAULT_TITLE } from './title.js';
import { parseImport, presetPlainUrl, presetTemplateUrl } from './urls.js';

/** @import { Common } from './common.js' */
/** @import { ServerCaps } from './types.d.ts' */

/** @param {ServerCaps} caps */
export function startLocked(caps) {
  const saved = loadSaved();
  const presets = caps.presets;
  const savedPreset = typeof saved?.preset === 'string' ? saved.preset : null;
  let preset = presets.find((card) => card.id === savedPreset)?.id ?? presets[0]?.id ?? null;
  const title = asTitle(saved?.title) ?? { ...DEFAULT_TITLE };

  const save = () => saveSession({ preset, title });

  /** @type {Common} */
  let common;
  const gallery = presetGallery(presets, {
    selectable: true,
    selected: () => preset,
    choose(id) {
      preset = id;
      save();
      common.refresh();
    },
  });
  $('#presets-body', HTMLElement).replaceChildren(gallery.element);
  $('#presets', HTMLElement).hidden = false;
  $('#presets-open', HTMLDetailsElement).open = true;
  $('#presets-heading', HTMLElement).textContent = 'Choose a look';

  common = wireCommon({
    title,
    urls() {
      if (!preset) {
        return { template: '', plain: null, preview: null, empty: 'This instance lists no presets.' };
      }
      const hasImdb = title.imdbId !== null;
      return {
        template: presetTemplateUrl(origin, preset),
        plain: hasImdb ? presetPlainUrl(origin, preset, title) : null,
        preview: hasImdb ? presetPlainUrl('', preset, title) : null,
        empty: 'This title has no IMDb id, which the public tier needs. Pick another title.',
      };
    },
    onTitle: save,
    async onImport(text) {
      const parsed = parseImport(text, origin);
      if (parsed.kind === 'error') return showNotes('Import', [parsed.message]);
      if (parsed.kind === 'poster') {
        return showNotes('Import', [
          'This instance only offers its presets: custom /poster settings need the operator’s access key.',
        ]);
      }
      /** @type {string[]} */
      const notes = [...parsed.notes];
      if (presets.some((card) => card.id === parsed.preset)) preset = parsed.preset;
      else
        notes.push(`preset ${JSON.stringify(parsed.preset)} is not offered here; ${preset ?? 'none'} kept`);
      if (parsed.identity?.imdbId) {
        Object.assign(title, { ...parsed.identity, label: parsed.identity.imdbId });
      }
      if (parsed.origin !== origin)
        notes.push('That URL is from another instance; copied URLs point to this one.');
      gallery.sync();
      save();
      showNotes(notes.length ? 'Imported, with notes' : 'Imported', notes);
    },
  });
  common.refresh();
}
