/**
 * The settings panels, generated from the server's parameter table: one control per row, by kind
 * (sliders for ranges, selects for enums and modes, switches for booleans, editors for weights and the
 * sash priority). Nothing here knows a parameter's default or range except through the table, so the
 * page and the server cannot drift apart.
 */

import { h } from './dom.js';
import { paramLabel, sourceLabel, valueLabel } from './labels.js';
import { sashEditor } from './sash.js';

/** @import { ParamRow } from './types.d.ts' */
/** @import { Store } from './store.js' */

/** @typedef {{ row: ParamRow, element: HTMLElement, sync(): void }} Control */

/** Decimal places of a number's shortest spelling. @param {number} n */
const decimals = (n) => {
  const text = String(n);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  return text.includes('.') ? (text.split('.')[1] ?? '').length : 0;
};

/**
 * A slider step fine enough for the range and for the default to sit on a step.
 * @param {ParamRow} row
 */
function stepOf(row) {
  if (row.kind === 'integer') return 1;
  const span = (row.max ?? 1) - (row.min ?? 0);
  const fromSpan = 10 ** Math.floor(Math.log10(span / 100));
  const fromDefault = row.default === '' ? 1 : 10 ** -decimals(Number(row.default));
  const fromMin = 10 ** -decimals(row.min ?? 0);
  return Number(Math.min(fromSpan, fromDefault, fromMin).toPrecision(1));
}

let counter = 0;
/** @param {string} name */
const idFor = (name) => `p-${name}-${++counter}`;

/**
 * The label, value read-out, reset button and description around one control.
 * @param {Store} store
 * @param {ParamRow} row
 * @param {string} inputId
 * @param {HTMLElement} body
 * @param {{ output?: HTMLOutputElement, inlineLabel?: boolean }} [extra]
 */
function frame(store, row, inputId, body, extra = {}) {
  const docId = `${inputId}-doc`;
  const label = paramLabel(row.name);
  const reset = h(
    'button',
    { type: 'button', class: 'reset', title: 'Back to the default', 'aria-label': `Reset ${label}` },
    '↺',
  );
  reset.addEventListener('click', () => store.reset(row.name));
  const head = h(
    'div',
    { class: 'param-head' },
    extra.inlineLabel ? null : h('label', { for: inputId }, label),
    extra.output ?? null,
    reset,
  );
  const element = h(
    'div',
    { class: `param kind-${row.kind}`, 'data-param': row.name },
    head,
    body,
    h('p', { class: 'param-doc', id: docId }, row.doc, ' ', h('code', {}, row.name)),
  );
  return { element, reset, docId };
}

/**
 * @param {Store} store
 * @param {ParamRow} row
 * @returns {Control}
 */
function booleanControl(store, row) {
  const id = idFor(row.name);
  const input = h('input', { type: 'checkbox', role: 'switch', id, class: 'switch' });
  const body = h('div', { class: 'switch-row' }, input, h('label', { for: id }, paramLabel(row.name)));
  const { element, reset, docId } = frame(store, row, id, body, { inlineLabel: true });
  input.setAttribute('aria-describedby', docId);
  input.addEventListener('change', () => store.set(row.name, input.checked ? 'true' : 'false'));
  return {
    row,
    element,
    sync() {
      input.checked = store.value(row.name) === 'true';
      reset.hidden = !store.isChanged(row.name);
      element.classList.toggle('changed', store.isChanged(row.name));
    },
  };
}

/**
 * @param {Store} store
 * @param {ParamRow} row
 * @returns {Control}
 */
function selectControl(store, row) {
  const id = idFor(row.name);
  const values = row.values ?? [];
  const select = h(
    'select',
    { id },
    values.map((value) =>
      h(
        'option',
        { value: String(value) },
        valueLabel(row.name, value, row.doc) + (String(value) === row.default ? ' (default)' : ''),
      ),
    ),
  );
  const { element, reset, docId } = frame(store, row, id, select);
  select.setAttribute('aria-describedby', docId);
  select.addEventListener('change', () => store.set(row.name, select.value));
  return {
    row,
    element,
    sync() {
      if (document.activeElement !== select) select.value = store.value(row.name);
      reset.hidden = !store.isChanged(row.name);
      element.classList.toggle('changed', store.isChanged(row.name));
    },
  };
}

/**
 * A slider that shows its value, with a number box for exact values (the slider's steps are coarser
 * than what a URL may hold). An empty default ("automatic") reads as "auto" until moved.
 * @param {Store} store
 * @param {ParamRow} row
 * @returns {Control}
 */
function rangeControl(store, row) {
  const id = idFor(row.name);
  const min = row.min ?? 0;
  const max = row.max ?? 1;
  const step = stepOf(row);
  const range = h('input', { type: 'range', id, min, max, step });
  const number = h('input', {
    type: 'number',
    min,
    max,
    step: row.kind === 'integer' ? 1 : 'any',
    inputmode: 'decimal',
    'aria-label': `${paramLabel(row.name)}, exact value`,
  });
  const output = h('output', { for: id, class: 'value' });
  const { element, reset, docId } = frame(store, row, id, h('div', { class: 'range-row' }, range, number), {
    output,
  });
  range.setAttribute('aria-describedby', docId);
  range.addEventListener('input', () => {
    number.value = range.value;
    output.value = range.value;
    store.set(row.name, range.value);
  });
  number.addEventListener('change', () => {
    if (number.value.trim() === '') store.reset(row.name);
    else store.set(row.name, number.value.trim());
  });
  return {
    row,
    element,
    sync() {
      const text = store.value(row.name);
      const auto = text === '';
      output.value = auto ? 'auto' : text;
      if (document.activeElement !== range) range.value = auto ? String((min + max) / 2) : text;
      if (document.activeElement !== number) number.value = text;
      number.placeholder = auto ? 'auto' : '';
      reset.hidden = !store.isChanged(row.name);
      element.classList.toggle('changed', store.isChanged(row.name));
    },
  };
}

/** Common choices offered by the language boxes (any ISO code is accepted). */
const LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'pt-br',
  'nl',
  'pl',
  'sv',
  'da',
  'fi',
  'ja',
  'ko',
  'zh',
];

/**
 * Free text: languages, colours, palettes. The server judges the value; its notes say what it ignored.
 * @param {Store} store
 * @param {ParamRow} row
 * @returns {Control}
 */
function textControl(store, row) {
  const id = idFor(row.name);
  const listId = `${id}-list`;
  const placeholders = /** @type {Record<string, string>} */ ({
    color: row.name === 'score_glow_color' ? 'white, match or RRGGBB' : 'RRGGBB',
    palette: '0:8E8E8E,60:CD7F32,75:C0C0C0,85:FFD700',
    language: 'en',
  });
  const input = h('input', {
    type: 'text',
    id,
    spellcheck: 'false',
    autocomplete: 'off',
    placeholder: row.default || placeholders[row.kind] || '',
    list: row.kind === 'language' ? listId : null,
  });
  /** @type {HTMLElement[]} */
  const extras = [];
  /** @type {HTMLInputElement | null} */
  let picker = null;
  if (row.kind === 'color') {
    picker = h('input', { type: 'color', 'aria-label': `${paramLabel(row.name)}, colour picker` });
    const pickerInput = picker;
    pickerInput.addEventListener('input', () => {
      const hex = pickerInput.value.replace('#', '').toUpperCase();
      input.value = hex;
      store.set(row.name, hex);
    });
    extras.push(pickerInput);
  }
  if (row.kind === 'language') {
    extras.push(
      h(
        'datalist',
        { id: listId },
        LANGUAGES.map((code) => h('option', { value: code })),
      ),
    );
  }
  const { element, reset, docId } = frame(store, row, id, h('div', { class: 'text-row' }, input, ...extras));
  input.setAttribute('aria-describedby', docId);
  input.addEventListener('change', () => store.set(row.name, input.value.trim()));
  return {
    row,
    element,
    sync() {
      const text = store.value(row.name);
      if (document.activeElement !== input) input.value = text;
      if (picker && /^[0-9a-f]{6}$/i.test(text)) picker.value = `#${text.toLowerCase()}`;
      reset.hidden = !store.isChanged(row.name);
      element.classList.toggle('changed', store.isChanged(row.name));
    },
  };
}

/** @param {string} text @returns {Map<string, number>} */
function readWeights(text) {
  /** @type {Map<string, number>} */
  const map = new Map();
  for (const part of text.split(',')) {
    const [source, weight] = part.split(':');
    const n = Number(weight);
    if (source && Number.isFinite(n)) map.set(source.trim().toLowerCase(), n);
  }
  return map;
}

/**
 * Rating weights: one slider per source the server accepts for this map. An empty default means
 * "follow the other map" (anime → movie/series), offered as a switch.
 * @param {Store} store
 * @param {ParamRow} row
 * @returns {Control}
 */
function weightsControl(store, row) {
  const sources = (row.values ?? []).map(String);
  const optional = row.default === '';
  const id = idFor(row.name);
  /** @type {Map<string, { range: HTMLInputElement, output: HTMLOutputElement }>} */
  const inputs = new Map();
  const write = () => {
    /** @type {string[]} */
    const parts = [];
    for (const [source, { range }] of inputs) {
      const n = Number(range.value);
      if (n > 0) parts.push(`${source}:${Number(n.toFixed(2))}`);
    }
    store.set(row.name, parts.length > 0 ? parts.join(',') : `${sources[0] ?? 'imdb'}:0`);
  };
  const rows = sources.map((source, index) => {
    const sliderId = index === 0 ? id : `${id}-${source}`;
    const range = h('input', { type: 'range', id: sliderId, min: 0, max: 1, step: 0.01 });
    const output = h('output', { for: sliderId, class: 'value' });
    range.addEventListener('input', () => {
      output.value = range.value;
      write();
    });
    inputs.set(source, { range, output });
    return h(
      'div',
      { class: 'weight-row' },
      h('label', { for: sliderId, title: source }, sourceLabel(source)),
      range,
      output,
    );
  });
  const grid = h('div', { class: 'weights' }, rows);
  /** @type {HTMLInputElement | null} */
  let toggle = null;
  /** @type {HTMLElement} */
  let body = grid;
  if (optional) {
    const toggleId = `${id}-own`;
    toggle = h('input', { type: 'checkbox', role: 'switch', class: 'switch', id: toggleId });
    const ownToggle = toggle;
    ownToggle.addEventListener('change', () => {
      if (ownToggle.checked) write();
      else store.reset(row.name);
    });
    body = h(
      'div',
      {},
      h('div', { class: 'switch-row' }, ownToggle, h('label', { for: toggleId }, 'Use their own weights')),
      grid,
    );
  }
  const { element, reset } = frame(store, row, id, body);
  return {
    row,
    element,
    sync() {
      const text = store.value(row.name);
      const weights = readWeights(text);
      for (const [source, { range, output }] of inputs) {
        const n = weights.get(source) ?? 0;
        if (document.activeElement !== range) range.value = String(n);
        output.value = String(Number(n.toFixed(2)));
      }
      if (toggle) {
        toggle.checked = text !== '';
        grid.hidden = text === '';
      }
      reset.hidden = !store.isChanged(row.name);
      element.classList.toggle('changed', store.isChanged(row.name));
    },
  };
}

/**
 * @param {Store} store
 * @param {ParamRow} row
 * @param {() => string[]} activeSlots the server's reading of the current sash_priority
 * @returns {Control}
 */
function controlFor(store, row, activeSlots) {
  switch (row.kind) {
    case 'boolean':
      return booleanControl(store, row);
    case 'enum':
      return selectControl(store, row);
    case 'integer':
    case 'number':
      if (row.values && row.values.length > 0) return selectControl(store, row);
      return rangeControl(store, row);
    case 'weights':
      return weightsControl(store, row);
    case 'priority': {
      const id = idFor(row.name);
      const editor = sashEditor(store, row, activeSlots, id);
      const { element, reset } = frame(store, row, id, editor.element);
      return {
        row,
        element,
        sync() {
          editor.sync();
          reset.hidden = !store.isChanged(row.name);
          element.classList.toggle('changed', store.isChanged(row.name));
        },
      };
    }
    default:
      return textControl(store, row);
  }
}

/**
 * Splits a group's rows into sub-sections by the doc's "Subject: …" prefix when several rows share it
 * ("Score bar", "Frosted bar", "Tinted bands"), so a long tab reads as a few short lists.
 * @param {ParamRow[]} rows
 * @returns {{ title: string | null, rows: ParamRow[] }[]}
 */
function sections(rows) {
  /** @param {ParamRow} row */
  const subject = (row) => {
    const match = /^([A-Z][^:]{2,30}):/.exec(row.doc);
    return match?.[1] ? match[1].replace(/\s*\(mode \d\)/, '').replace(/=.*/, '') : null;
  };
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const row of rows) {
    const s = subject(row);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  /** @type {{ title: string | null, rows: ParamRow[] }[]} */
  const out = [];
  for (const row of rows) {
    const s = subject(row);
    const title = s && (counts.get(s) ?? 0) > 1 ? s : null;
    const last = out[out.length - 1];
    if (last && last.title === title) last.rows.push(row);
    else out.push({ title, rows: [row] });
  }
  return out;
}

/**
 * @param {Store} store
 * @param {ParamRow[]} rows one group's rows, table order
 * @param {() => string[]} activeSlots
 */
export function buildGroup(store, rows, activeSlots) {
  /** @type {Control[]} */
  const controls = [];
  const element = h(
    'div',
    { class: 'group-body' },
    sections(rows).map((section) => {
      const built = section.rows.map((row) => controlFor(store, row, activeSlots));
      controls.push(...built);
      const items = built.map((control) => control.element);
      return section.title
        ? h('fieldset', { class: 'subsection' }, h('legend', {}, section.title), items)
        : h('div', { class: 'subsection plain' }, items);
    }),
  );
  return {
    element,
    sync() {
      for (const control of controls) control.sync();
    },
  };
}
