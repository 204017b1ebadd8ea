/**
 * The simple settings controls, one per parameter kind: switches for booleans, selects for enums and
 * modes, sliders with an exact-value box for ranges, text (with a colour picker or language list)
 * for the rest. Each reads its default and range only from the server's table row.
 */

import { h } from './dom.js';
import { frame, idFor } from './frame.js';
import { paramLabel, valueLabel } from './labels.js';

/** @import { Control } from './frame.js' */
/** @import { ParamRow } from './types.d.ts' */
/** @import { Store } from './store.js' */

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
/**
 * @param {Store} store
 * @param {ParamRow} row
 * @returns {Control}
 */
export function booleanControl(store, row) {
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
export function selectControl(store, row) {
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
export function rangeControl(store, row) {
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
export function textControl(store, row) {
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
