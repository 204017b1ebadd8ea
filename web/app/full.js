/**
 * The full editor: every parameter of the server's table in tabs, the visitor's keys, "Load preset",
 * and the copied URLs (the /p form while the settings still equal a preset and the tier is on).
 */

import { presetsWithQueries } from './api.js';
import { createRenormalizer, importIntoEditor } from './canonical.js';
import { banner, showNotes } from './chrome.js';
import { wireCommon } from './common.js';
import { $ } from './dom.js';
import { presetGallery } from './gallery.js';
import { buildGroup } from './group.js';
import { keys, origin } from './instance.js';
import { loadSaved, saveSession } from './session.js';
import { Store } from './store.js';
import { buildTabs, groupRows } from './tabs.js';
import { asTitle, DEFAULT_TITLE } from './title.js';
import { KEY_NAMES, posterPlainUrl, posterTemplateUrl, presetPlainUrl, presetTemplateUrl } from './urls.js';

/** @import { Gallery } from './gallery.js' */
/** @import { ModeUrls } from './common.js' */
/** @import { EditorState, PresetCard, ServerCaps, Title } from './types.d.ts' */

/** @param {ServerCaps} caps */
export async function startFull(caps) {
  const table = caps.param_table;
  if (!table || table.length === 0) {
    banner('error', 'This server publishes no parameter table', ['/server-caps has no param_table.']);
    return;
  }
  const store = new Store(table, caps.never_omitted_params ?? []);
  const saved = loadSaved();
  const title = asTitle(saved?.title) ?? { ...DEFAULT_TITLE };
  /** @type {EditorState} */
  const state = {
    canonical: {
      query: '',
      sash_priority: (caps.sash_priority_default || '').split(',').filter(Boolean),
      notes: [],
    },
    preset: null,
    tab: typeof saved?.tab === 'string' ? saved.tab : 'Core',
    version: 0,
  };
  const save = () => saveSession({ query: state.canonical.query, title, tab: state.tab });

  const groups = [...groupRows(table)].map(([group, rows]) => ({
    group,
    rows,
    ...buildGroup(store, rows, () => state.canonical.sash_priority),
  }));
  const tabs = buildTabs({ tablist: $('#tabs', HTMLElement), panels: $('#tabpanels', HTMLElement) }, groups, {
    initial: groups.some((entry) => entry.group === state.tab) ? state.tab : (groups[0]?.group ?? 'Core'),
    onSelect(group) {
      state.tab = group;
      save();
    },
  });
  $('#tuner', HTMLElement).hidden = false;

  /** @type {Gallery | null} */
  let gallery = null;
  const syncControls = () => {
    for (const group of groups) group.sync();
    tabs.syncCounts((name) => store.isChanged(name));
    gallery?.sync();
  };

  showKeysPanel(caps, () => common.refresh());
  gallery = await loadPresets(caps, store, state);

  const renormalize = createRenormalizer(store, state, () => {
    save();
    common.refresh();
  });
  store.subscribe((source) => {
    if (source !== 'canonical') state.version++;
    syncControls();
    if (source === 'user') {
      state.preset = null;
      showNotes('', []);
    }
    if (source !== 'canonical') renormalize();
  });

  const common = wireCommon({
    title,
    urls: () => editorUrls(state, title),
    onTitle: save,
    onImport: (text) =>
      importIntoEditor(text, { store, state, title, presetTier: caps.preset_enabled, save }),
  });

  // Restore the last session's settings (through the server, which may have changed its table).
  if (typeof saved?.query === 'string' && saved.query !== '') {
    store.replaceAll(new URLSearchParams(saved.query), 'restore');
  } else {
    syncControls();
    renormalize();
  }
  renormalize.flush();
}

/**
 * The URLs the editor's state makes: the preset's /p form while it still equals a preset of an
 * enabled tier, else /poster with the canonical style and the typed keys.
 * @param {EditorState} state
 * @param {Title} title
 * @returns {ModeUrls}
 */
function editorUrls(state, title) {
  const style = state.canonical.query;
  const plain = posterPlainUrl(origin, title, style, keys);
  const preview = posterPlainUrl('', title, style, keys);
  if (state.preset) {
    return {
      template: presetTemplateUrl(origin, state.preset),
      plain: title.imdbId ? presetPlainUrl(origin, state.preset, title) : plain,
      preview,
      empty: '',
    };
  }
  return { template: posterTemplateUrl(origin, style, keys), plain, preview, empty: '' };
}

/**
 * The "Your API keys" panel: typed keys go into memory (and so into the copied URLs) at once.
 * @param {ServerCaps} caps
 * @param {() => void} changed
 */
function showKeysPanel(caps, changed) {
  $('#keys', HTMLElement).hidden = false;
  for (const name of KEY_NAMES) {
    const input = $(`#key-${name}`, HTMLInputElement);
    input.value = keys[name];
    input.addEventListener('input', () => {
      keys[name] = input.value.trim();
      changed();
    });
  }
  $('#key-status', HTMLElement).textContent = [
    caps.tmdb_key_set ? 'This instance has its own TMDB key' : 'This instance has no TMDB key: enter yours',
    caps.mdblist_key_set ? 'and an MDBList key.' : 'and no MDBList key (ratings need one).',
  ].join(' ');
}

/**
 * "Load preset": the unlocked list carries each preset's query, loaded into the store on a click.
 * No presets (or no answer) leaves the panel hidden.
 * @param {ServerCaps} caps
 * @param {Store} store
 * @param {EditorState} state
 * @returns {Promise<Gallery | null>}
 */
async function loadPresets(caps, store, state) {
  /** @type {PresetCard[]} */
  let presetCards = [];
  try {
    presetCards = await presetsWithQueries(keys.access_key);
  } catch {
    presetCards = [];
  }
  if (presetCards.length === 0) return null;
  const gallery = presetGallery(presetCards, {
    selectable: false,
    selected: () => presetCards.find((card) => card.query === state.canonical.query)?.id ?? null,
    thumbnail: (card) =>
      posterPlainUrl(
        '',
        DEFAULT_TITLE,
        card.query ?? '',
        keys.access_key ? { access_key: keys.access_key } : {},
      ),
    choose(id) {
      const card = presetCards.find((candidate) => candidate.id === id);
      if (!card) return;
      store.replaceAll(new URLSearchParams(card.query ?? ''), 'preset');
      state.preset = caps.preset_enabled ? id : null;
      showNotes('', []);
    },
  });
  $('#presets-body', HTMLElement).replaceChildren(gallery.element);
  $('#presets', HTMLElement).hidden = false;
  return gallery;
}
