/**
 * What every settings control shares: a unique id for its input and the frame around it (label, value
 * read-out, reset button, description with the parameter's name).
 */

import { h } from './dom.js';
import { paramLabel } from './labels.js';

/** @import { ParamRow } from './types.d.ts' */
/** @import { Store } from './store.js' */

/** @typedef {{ row: ParamRow, element: HTMLElement, sync(): void }} Control */

let counter = 0;
/** @param {string} name */
export const idFor = (name) => `p-${name}-${++counter}`;

/**
 * The label, value read-out, reset button and description around one control.
 * @param {Store} store
 * @param {ParamRow} row
 * @param {string} inputId
 * @param {HTMLElement} body
 * @param {{ output?: HTMLOutputElement, inlineLabel?: boolean }} [extra]
 */
export function frame(store, row, inputId, body, extra = {}) {
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
