/**
 * The rating-weights editor: one slider per source the server accepts for the map. An empty default
 * means "follow the other map" (anime → movie/series), offered as a switch.
 */

import { h } from './dom.js';
import { frame, idFor } from './frame.js';
import { sourceLabel } from './labels.js';

/** @import { Control } from './frame.js' */
/** @import { ParamRow } from './types.d.ts' */
/** @import { Store } from './store.js' */

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
export function weightsControl(store, row) {
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
