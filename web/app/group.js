/**
 * The settings panels, generated from the server's parameter table: one control per row, by kind
 * (controls.js, weights.js, the sash editor), grouped into sub-sections. Nothing here knows a
 * parameter's default or range except through the table, so the page and the server cannot drift
 * apart.
 */

import { booleanControl, rangeControl, selectControl, textControl } from './controls.js';
import { h } from './dom.js';
import { frame, idFor } from './frame.js';
import { sashEditor } from './sash.js';
import { weightsControl } from './weights.js';

/** @import { Control } from './frame.js' */
/** @import { ParamRow } from './types.d.ts' */
/** @import { Store } from './store.js' */

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
