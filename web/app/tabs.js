/**
 * The editor's tabs, one per parameter group in the table's order (ARIA tabs: one tab stop, arrows,
 * Home and End move between them). Each tab counts the settings of its group that differ from the
 * defaults.
 */

import { h } from './dom.js';

/** @import { ParamRow } from './types.d.ts' */

/**
 * The table's rows by group, groups in the order they first appear.
 * @param {ParamRow[]} table
 * @returns {Map<string, ParamRow[]>}
 */
export function groupRows(table) {
  /** @type {Map<string, ParamRow[]>} */
  const groups = new Map();
  for (const row of table) {
    const list = groups.get(row.group) ?? [];
    list.push(row);
    groups.set(row.group, list);
  }
  return groups;
}

/**
 * Builds the tab list and its panels, and selects `initial` (which calls `onSelect`).
 * @param {{ tablist: HTMLElement, panels: HTMLElement }} elements
 * @param {{ group: string, rows: ParamRow[], element: HTMLElement }[]} groups
 * @param {{ initial: string, onSelect(group: string): void }} options
 */
export function buildTabs({ tablist, panels }, groups, options) {
  /** @type {HTMLButtonElement[]} */
  const tabs = [];
  for (const { group, element } of groups) {
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
    button.addEventListener('click', () => select(group));
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
    if (group) select(group);
  });

  /** @param {string} group */
  function select(group) {
    for (const button of tabs) {
      const on = button.dataset.group === group;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    options.onSelect(group);
  }
  select(options.initial);

  /**
   * How many settings differ from the defaults, per tab.
   * @param {(name: string) => boolean} isChanged
   */
  const syncCounts = (isChanged) => {
    for (const button of tabs) {
      const rows = groups.find((entry) => entry.group === button.dataset.group)?.rows ?? [];
      const count = rows.filter((row) => isChanged(row.name)).length;
      const badge = button.querySelector('.tab-count');
      if (badge) badge.textContent = count > 0 ? String(count) : '';
      button.classList.toggle('has-changes', count > 0);
    }
  };
  return { select, syncCounts };
}
