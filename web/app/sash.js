/**
 * The sash priority editor: every slot in a re-orderable list with an on/off switch. The first slot a
 * title qualifies for is the one its label shows. Reordering works by drag and drop, by the ↑/↓
 * buttons, and by Alt+↑/↓ on a focused row. The list written to the store is the full form (active
 * slots in order); the server rewrites it in whichever of the full or diff form is shorter.
 */

import { h } from './dom.js';
import { slotLabel } from './labels.js';

/** @import { ParamRow } from './types.d.ts' */
/** @import { Store } from './store.js' */

/** @typedef {{ slot: string, on: boolean }} Item */

/**
 * @param {Store} store
 * @param {ParamRow} row
 * @param {() => string[]} activeSlots the server's reading of the current value
 * @param {string} id
 */
export function sashEditor(store, row, activeSlots, id) {
  const known = row.default.split(',').filter(Boolean);
  /** @type {Item[]} */
  let items = known.map((slot) => ({ slot, on: true }));
  const list = h('ol', { class: 'sash-list', id, 'aria-label': 'Sash priority, first match wins' });
  const status = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  /** @type {string | null} */
  let dragging = null;
  /** The value this editor last wrote: while the store still holds it, the list on screen is the truth. */
  let written = '';

  const write = () => {
    const active = items.filter((item) => item.on).map((item) => item.slot);
    // An empty value would mean "default": all-off is spelled as exclusions.
    const text = active.length > 0 ? active.join(',') : items.map((item) => `-${item.slot}`).join(',');
    written = text;
    store.set(row.name, text);
  };

  /** @param {number} from @param {number} to @param {'up' | 'down' | 'check'} [focusWhich] */
  const move = (from, to, focusWhich = 'check') => {
    if (to < 0 || to >= items.length || from === to) return;
    const [item] = items.splice(from, 1);
    if (!item) return;
    items.splice(to, 0, item);
    status.textContent = `${slotLabel(item.slot)} moved to position ${to + 1}`;
    render(item.slot, focusWhich);
    write();
  };

  /** @param {string} [focusSlot] @param {'up' | 'down' | 'check'} [focusWhich] */
  const render = (focusSlot, focusWhich = 'check') => {
    list.replaceChildren(
      ...items.map((item, index) => {
        const checkId = `${id}-${item.slot}`;
        const check = h('input', { type: 'checkbox', id: checkId, class: 'slot-check' });
        check.checked = item.on;
        check.addEventListener('change', () => {
          item.on = check.checked;
          li.classList.toggle('off', !item.on);
          write();
        });
        const up = h(
          'button',
          {
            type: 'button',
            class: 'icon',
            'data-dir': 'up',
            'aria-label': `Move ${slotLabel(item.slot)} up`,
            disabled: index === 0,
          },
          '↑',
        );
        const down = h(
          'button',
          {
            type: 'button',
            class: 'icon',
            'data-dir': 'down',
            'aria-label': `Move ${slotLabel(item.slot)} down`,
            disabled: index === items.length - 1,
          },
          '↓',
        );
        up.addEventListener('click', () => move(index, index - 1, 'up'));
        down.addEventListener('click', () => move(index, index + 1, 'down'));
        const li = h(
          'li',
          { class: item.on ? 'slot' : 'slot off', draggable: 'true', 'data-slot': item.slot },
          h('span', { class: 'grip', 'aria-hidden': 'true' }, '⠿'),
          check,
          h('label', { for: checkId }, slotLabel(item.slot), ' ', h('code', {}, item.slot)),
          h('span', { class: 'slot-moves' }, up, down),
        );
        li.addEventListener('keydown', (event) => {
          if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
          event.preventDefault();
          move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
        });
        li.addEventListener('dragstart', (event) => {
          dragging = item.slot;
          li.classList.add('dragging');
          event.dataTransfer?.setData('text/plain', item.slot);
        });
        li.addEventListener('dragend', () => {
          dragging = null;
          li.classList.remove('dragging');
        });
        li.addEventListener('dragover', (event) => {
          if (dragging === null) return;
          event.preventDefault();
        });
        li.addEventListener('drop', (event) => {
          event.preventDefault();
          const from = items.findIndex((candidate) => candidate.slot === dragging);
          if (from !== -1) move(from, index);
        });
        return li;
      }),
    );
    if (focusSlot) {
      // Keep focus on the moved row's same control, so ↑ pressed again keeps moving it.
      const row = list.querySelector(`li[data-slot="${CSS.escape(focusSlot)}"]`);
      const wanted = row?.querySelector(
        focusWhich === 'check' ? '.slot-check' : `button[data-dir="${focusWhich}"]`,
      );
      const target =
        wanted instanceof HTMLButtonElement && wanted.disabled ? row?.querySelector('.slot-check') : wanted;
      if (target instanceof HTMLElement) target.focus();
    }
  };

  const element = h(
    'div',
    { class: 'sash-editor' },
    h(
      'p',
      { class: 'hint' },
      'Drag, or use ↑ ↓ (Alt+↑/↓ on a row), to reorder. Untick a fact to never show it.',
    ),
    list,
    status,
  );
  render();

  return {
    element,
    /** Follows the server's reading unless it already matches what the list shows (keeps off slots in place). */
    sync() {
      if (written !== '' && store.value(row.name) === written) return;
      const active = activeSlots();
      const shown = items.filter((item) => item.on).map((item) => item.slot);
      if (active.length === shown.length && active.every((slot, i) => slot === shown[i])) return;
      const rest = [...known, ...items.map((item) => item.slot)].filter(
        (slot, i, all) => !active.includes(slot) && all.indexOf(slot) === i,
      );
      items = [...active.map((slot) => ({ slot, on: true })), ...rest.map((slot) => ({ slot, on: false }))];
      render();
    },
  };
}
