/**
 * The configurator (issue #8): pick a title, pick a look, copy a URL. Boots from /server-caps, then runs
 * in one of two modes — the full editor (every parameter, from the server's table) or, on a public
 * preset tier without a valid access key, the locked preset gallery.
 */

import {
  ApiError,
  normalize,
  normalizePreset,
  presetsWithQueries,
  resolveImdb,
  search,
  serverCaps,
} from './api.js';
import { buildGroup } from './controls.js';
import { $, debounce, h } from './dom.js';
import { createPreview } from './preview.js';
import { setupSearch } from './search.js';
import { Store } from './store.js';
import {
  KEY_NAMES,
  parseImport,
  posterPlainUrl,
  posterTemplateUrl,
  presetPlainUrl,
  presetTemplateUrl,
} from './urls.js';

/** @import { Keys, Normalized, ParamRow, PresetCard, SearchHit, ServerCaps, Title } from './types.d.ts' */

const STORAGE_KEY = 'postersplus.configurator.v1';

/** A title every TMDB (and the demo catalogue) has, so the first preview works everywhere. */
const DEFAULT_TITLE = /** @type {Title} */ ({
  imdbId: 'tt0111161',
  tmdbId: '278',
  type: 'movie',
  label: 'The Shawshank Redemption (1994)',
});

const origin = window.location.origin;

/** @type {Keys} */
const keys = { tmdb_key: '', mdblist_key: '', access_key: '' };

/** Keys to send with a call to this instance. */
const callKeys = () => {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of KEY_NAMES) if (keys[name]) out[name] = keys[name];
  return out;
};

// ---------- page chrome ----------

/**
 * @param {'info' | 'warn' | 'error'} tone
 * @param {string} heading
 * @param {(string | Node)[]} body
 * @param {string} [id]
 */
function banner(tone, heading, body, id) {
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
function showCaps(caps) {
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

/** @param {string} text */
function setCopyStatus(text) {
  $('#copy-status', HTMLElement).textContent = text;
}

/**
 * Notes from an import or the server's reading of the settings; empty hides the box.
 * @param {string} heading
 * @param {string[]} lines
 */
function showNotes(heading, lines) {
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
async function copyField(/** @type {HTMLTextAreaElement} */ field) {
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

// ---------- title ----------

function loadSaved() {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const saved = raw ? /** @type {unknown} */ (JSON.parse(raw)) : null;
    if (!saved || typeof saved !== 'object') return null;
    return /** @type {{ query?: unknown, title?: unknown, preset?: unknown, tab?: unknown }} */ (saved);
  } catch {
    return null;
  }
}

/** @param {unknown} value @returns {Title | null} */
function asTitle(value) {
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
function showTitle(title) {
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
async function titleFromHit(hit) {
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

// ---------- boot ----------

async function boot() {
  // The keys form only groups fields: Enter in it must not navigate (the CSP forbids form posts anyway).
  $('#keys-form', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());
  // An access key in the page's own URL (?access_key=…) unlocks it; then it leaves the address bar.
  const pageParams = new URLSearchParams(window.location.search);
  const givenKey = pageParams.get('access_key');
  if (givenKey) {
    keys.access_key = givenKey;
    pageParams.delete('access_key');
    const rest = pageParams.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
  }

  /** @type {ServerCaps} */
  let caps;
  try {
    caps = await serverCaps(keys.access_key);
  } catch (error) {
    document.body.dataset.mode = 'error';
    if (error instanceof ApiError && error.status === 403) {
      const section = banner('warn', 'This instance is private', [
        keys.access_key ? 'That access key is not valid. ' : '',
        'Enter the operator’s access key (or open ',
        h('code', {}, `${origin}/?access_key=…`),
        ').',
      ]);
      const input = h('input', {
        type: 'password',
        id: 'unlock-key',
        autocomplete: 'off',
        spellcheck: 'false',
      });
      const form = h(
        'form',
        { class: 'unlock' },
        h('label', { for: 'unlock-key' }, 'Access key'),
        input,
        h('button', { type: 'submit', class: 'primary' }, 'Unlock'),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        // The page reads the key from its address once, then removes it from there (boot()).
        if (input.value.trim())
          window.location.assign(`/?access_key=${encodeURIComponent(input.value.trim())}`);
      });
      section.append(form);
    } else {
      banner('error', 'The server could not be reached', [
        error instanceof Error ? error.message : String(error),
      ]);
    }
    return;
  }
  showCaps(caps);
  if (caps.demo_mode) {
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

  const locked = caps.preset_enabled && !caps.access_key_valid;
  document.body.dataset.mode = locked ? 'locked' : 'full';
  if (locked) {
    banner(
      'info',
      'Public preset tier',
      [
        'This instance offers a gallery of ready-made looks. Pick one, find your title and copy the URL; ',
        'custom settings are for the operator.',
      ],
      'lock-banner',
    );
    startLocked(caps);
  } else {
    await startFull(caps);
  }
  document.body.dataset.ready = 'true';
}

/**
 * The shared parts of both modes: search, preview, copy buttons, import.
 * @param {{
 *   title: Title,
 *   urls(): { template: string, plain: string | null, preview: string | null, empty: string },
 *   onTitle(): void,
 *   onImport(text: string): Promise<void>,
 * }} mode
 */
function wireCommon(mode) {
  const preview = createPreview({
    figure: $('#preview', HTMLElement),
    img: $('#preview-img', HTMLImageElement),
    message: $('#preview-message', HTMLElement),
  });
  const template = $('#url-template', HTMLTextAreaElement);
  const plain = $('#url-plain', HTMLTextAreaElement);

  const refreshUrls = () => {
    const urls = mode.urls();
    template.value = urls.template;
    plain.value = urls.plain ?? '';
    $('#copy-plain', HTMLButtonElement).disabled = urls.plain === null;
    return urls;
  };
  const refreshPreview = debounce(() => {
    const urls = refreshUrls();
    void preview.show(urls.preview, urls.empty);
  }, 300);
  const refresh = () => {
    refreshUrls();
    refreshPreview();
  };

  setupSearch(
    {
      input: $('#search-input', HTMLInputElement),
      listbox: $('#search-results', HTMLElement),
      status: $('#search-status', HTMLElement),
    },
    {
      search: (q, signal) => search(q, callKeys(), signal),
      async choose(hit) {
        const title = await titleFromHit(hit);
        Object.assign(mode.title, title);
        showTitle(mode.title);
        mode.onTitle();
        refresh();
      },
    },
  );

  $('#copy-template', HTMLButtonElement).addEventListener('click', () => void copyField(template));
  $('#copy-plain', HTMLButtonElement).addEventListener('click', () => void copyField(plain));

  const importInput = $('#import-input', HTMLInputElement);
  const importForm = $('#import-form', HTMLFormElement);
  importForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void mode.onImport(importInput.value).then(() => {
      showTitle(mode.title);
      refresh();
    });
  });

  showTitle(mode.title);
  return { refresh, refreshUrls };
}

// ---------- locked mode: presets only ----------

/** @param {ServerCaps} caps */
function startLocked(caps) {
  const saved = loadSaved();
  const presets = caps.presets;
  const savedPreset = typeof saved?.preset === 'string' ? saved.preset : null;
  let preset = presets.find((card) => card.id === savedPreset)?.id ?? presets[0]?.id ?? null;
  const title = asTitle(saved?.title) ?? { ...DEFAULT_TITLE };

  const save = () => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ preset, title }));
    } catch {
      // Private mode: nothing to remember.
    }
  };

  /** @type {ReturnType<typeof wireCommon>} */
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

/**
 * The preset cards: in lock mode a radio group (the choice is the URL), otherwise "Load" buttons.
 * @param {PresetCard[]} presets
 * @param {{ selectable: boolean, selected(): string | null, choose(id: string): void, thumbnail?(card: PresetCard): string }} options
 */
function presetGallery(presets, options) {
  const element = h(
    'div',
    { class: 'gallery', role: options.selectable ? 'radiogroup' : null, 'aria-label': 'Presets' },
    presets.map((card) => {
      const src = options.thumbnail ? options.thumbnail(card) : (card.screenshot_url ?? '');
      const image = h('img', { src, alt: '', width: 500, height: 750, loading: 'lazy', decoding: 'async' });
      const text = h(
        'span',
        { class: 'card-text' },
        h('span', { class: 'card-name' }, card.name),
        h('span', { class: 'card-desc' }, card.description),
      );
      const button = h(
        'button',
        {
          type: 'button',
          class: 'card',
          'data-preset': card.id,
          role: options.selectable ? 'radio' : null,
          'aria-checked': options.selectable ? 'false' : null,
          'aria-label': options.selectable ? card.name : `Load preset ${card.name}`,
        },
        image,
        text,
      );
      button.addEventListener('click', () => {
        options.choose(card.id);
        sync();
      });
      return button;
    }),
  );
  // Arrow keys move within a radio group (one tab stop), as the ARIA pattern expects.
  element.addEventListener('keydown', (event) => {
    if (!options.selectable) return;
    const cards = [...element.querySelectorAll('button.card')];
    const index = cards.indexOf(/** @type {Element} */ (document.activeElement));
    if (index === -1) return;
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = /** @type {HTMLButtonElement | undefined} */ (
      cards[(index + step + cards.length) % cards.length]
    );
    next?.focus();
    next?.click();
  });
  const sync = () => {
    const selected = options.selected();
    for (const button of element.querySelectorAll('button.card')) {
      const on = button.getAttribute('data-preset') === selected;
      button.classList.toggle('selected', on);
      if (options.selectable) {
        button.setAttribute('aria-checked', String(on));
        button.setAttribute(
          'tabindex',
          on || (!selected && button === element.firstElementChild) ? '0' : '-1',
        );
      }
    }
  };
  sync();
  return { element, sync };
}

// ---------- full mode: every parameter ----------

/**
 * @param {ServerCaps} caps
 */
async function startFull(caps) {
  const table = caps.param_table;
  if (!table || table.length === 0) {
    banner('error', 'This server publishes no parameter table', ['/server-caps has no param_table.']);
    return;
  }
  const store = new Store(table, caps.never_omitted_params ?? []);
  const saved = loadSaved();
  const title = asTitle(saved?.title) ?? { ...DEFAULT_TITLE };
  /** @type {Normalized} */
  let canonical = {
    query: '',
    sash_priority: (caps.sash_priority_default || '').split(',').filter(Boolean),
    notes: [],
  };
  /** A preset the settings still equal (copied URLs then use its /p form when the tier is on). */
  let preset = /** @type {string | null} */ (null);
  let tab = typeof saved?.tab === 'string' ? saved.tab : 'Core';

  const save = () => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ query: canonical.query, title, tab }));
    } catch {
      // Private mode: nothing to remember.
    }
  };

  // Tabs, one per group, in the table's order.
  /** @type {Map<string, ParamRow[]>} */
  const groups = new Map();
  for (const row of table) {
    const list = groups.get(row.group) ?? [];
    list.push(row);
    groups.set(row.group, list);
  }
  if (!groups.has(tab)) tab = [...groups.keys()][0] ?? 'Core';
  const built = [...groups].map(([group, rows]) => ({
    group,
    ...buildGroup(store, rows, () => canonical.sash_priority),
  }));
  const tablist = $('#tabs', HTMLElement);
  const panels = $('#tabpanels', HTMLElement);
  /** @type {HTMLButtonElement[]} */
  const tabs = [];
  for (const { group, element } of built) {
    const slug = group.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${slug}`,
        'aria-controls': `panel-${slug}`,
        'data-group': group,
      },
      group,
      h('span', { class: 'tab-count', 'aria-hidden': 'true' }),
    );
    button.addEventListener('click', () => selectTab(group));
    tabs.push(button);
    tablist.append(button);
    panels.append(
      h(
        'div',
        { role: 'tabpanel', id: `panel-${slug}`, 'aria-labelledby': `tab-${slug}`, tabindex: '0' },
        element,
      ),
    );
  }
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (index === -1) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index + last) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next === -1) return;
    event.preventDefault();
    tabs[next]?.focus();
    const group = tabs[next]?.dataset.group;
    if (group) selectTab(group);
  });
  /** @param {string} group */
  function selectTab(group) {
    tab = group;
    for (const button of tabs) {
      const on = button.dataset.group === group;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    save();
  }
  selectTab(tab);
  $('#tuner', HTMLElement).hidden = false;

  // How many settings differ from the defaults, per tab.
  const syncCounts = () => {
    for (const button of tabs) {
      const count = (groups.get(button.dataset.group ?? '') ?? []).filter((row) =>
        store.isChanged(row.name),
      ).length;
      const badge = button.querySelector('.tab-count');
      if (badge) badge.textContent = count > 0 ? String(count) : '';
      button.classList.toggle('has-changes', count > 0);
    }
  };
  const syncControls = () => {
    for (const group of built) group.sync();
    syncCounts();
    gallery?.sync();
  };

  // Keys.
  $('#keys', HTMLElement).hidden = false;
  for (const name of KEY_NAMES) {
    const input = $(`#key-${name}`, HTMLInputElement);
    input.value = keys[name];
    input.addEventListener('input', () => {
      keys[name] = input.value.trim();
      common.refresh();
    });
  }
  $('#key-status', HTMLElement).textContent = [
    caps.tmdb_key_set ? 'This instance has its own TMDB key' : 'This instance has no TMDB key: enter yours',
    caps.mdblist_key_set ? 'and an MDBList key.' : 'and no MDBList key (ratings need one).',
  ].join(' ');

  // Presets ("Load preset"): the unlocked list carries each preset's query.
  /** @type {ReturnType<typeof presetGallery> | null} */
  let gallery = null;
  /** @type {PresetCard[]} */
  let presetCards = [];
  try {
    presetCards = await presetsWithQueries(keys.access_key);
  } catch {
    presetCards = [];
  }
  if (presetCards.length > 0) {
    gallery = presetGallery(presetCards, {
      selectable: false,
      selected: () => presetCards.find((card) => card.query === canonical.query)?.id ?? null,
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
        preset = caps.preset_enabled ? id : null;
        showNotes('', []);
      },
    });
    $('#presets-body', HTMLElement).replaceChildren(gallery.element);
    $('#presets', HTMLElement).hidden = false;
  }

  // The server's reading of the settings: canonical, shrunk, with notes on what it ignored. An answer
  // is applied only if nothing changed since it was asked for: a late one must not undo newer edits.
  let version = 0;
  const renormalize = debounce(async () => {
    const mine = version;
    try {
      const result = await normalize(store.toQuery());
      if (mine !== version) return;
      canonical = result;
      store.replaceAll(new URLSearchParams(result.query), 'canonical');
      if (result.notes.length > 0) showNotes('The server adjusted:', result.notes);
      save();
      common.refresh();
    } catch (error) {
      if (mine !== version) return;
      showNotes('Settings could not be checked', [error instanceof Error ? error.message : String(error)]);
    }
  }, 120);

  store.subscribe((source) => {
    if (source !== 'canonical') version++;
    syncControls();
    if (source === 'user') {
      preset = null;
      showNotes('', []);
    }
    if (source !== 'canonical') renormalize();
  });

  const common = wireCommon({
    title,
    urls() {
      const style = canonical.query;
      const plain = posterPlainUrl(origin, title, style, keys);
      if (preset) {
        return {
          template: presetTemplateUrl(origin, preset),
          plain: title.imdbId ? presetPlainUrl(origin, preset, title) : plain,
          preview: posterPlainUrl('', title, style, keys),
          empty: '',
        };
      }
      return {
        template: posterTemplateUrl(origin, style, keys),
        plain,
        preview: posterPlainUrl('', title, style, keys),
        empty: '',
      };
    },
    onTitle: save,
    async onImport(text) {
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
          preset = caps.preset_enabled ? parsed.preset : null;
          if (!caps.preset_enabled)
            notes.push('The preset tier is off here: its settings were loaded as /poster settings.');
        } else {
          result = await normalize(new URLSearchParams(parsed.style));
          preset = null;
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
        version++;
        canonical = result;
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
    },
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

void boot();
