/**
 * Title search: an ARIA 1.2 combobox over /search. Typing is debounced; ↑/↓ move through the results,
 * Enter picks, Escape closes; each result shows its poster thumbnail when the instance serves one.
 */

import { debounce, h } from './dom.js';

/** @import { SearchHit } from './types.d.ts' */

/**
 * @param {{ input: HTMLInputElement, listbox: HTMLElement, status: HTMLElement }} elements
 * @param {{ search(q: string, signal: AbortSignal): Promise<SearchHit[]>, choose(hit: SearchHit): void }} actions
 */
export function setupSearch({ input, listbox, status }, actions) {
  /** @type {SearchHit[]} */
  let hits = [];
  let active = -1;
  /** @type {AbortController | null} */
  let inflight = null;

  const close = () => {
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    listbox.hidden = true;
    active = -1;
  };

  /** @param {number} index */
  const highlight = (index) => {
    active = index;
    const options = listbox.querySelectorAll('[role="option"]');
    options.forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  /** @param {number} index */
  const choose = (index) => {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.year ? `${hit.title} (${hit.year})` : hit.title;
    close();
    actions.choose(hit);
  };

  const show = () => {
    listbox.replaceChildren(
      ...hits.map((hit, index) => {
        const option = h(
          'div',
          { role: 'option', id: `search-hit-${index}`, 'aria-selected': 'false', class: 'hit' },
          hit.thumbnail
            ? h('img', {
                src: hit.thumbnail,
                alt: '',
                width: 40,
                height: 60,
                loading: 'lazy',
                decoding: 'async',
              })
            : h('span', { class: 'thumb-none', 'aria-hidden': 'true' }),
          h(
            'span',
            { class: 'hit-text' },
            h('span', { class: 'hit-title' }, hit.title),
            h(
              'span',
              { class: 'hit-meta' },
              [hit.year, hit.type === 'tv' ? 'Series' : 'Movie'].filter(Boolean).join(' · '),
            ),
          ),
        );
        // mousedown, not click: the input keeps focus, so the list does not close before the pick.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(index);
        });
        return option;
      }),
    );
    const open = hits.length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    active = -1;
  };

  const run = debounce(async (/** @type {string} */ q) => {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    status.textContent = 'Searching…';
    try {
      hits = await actions.search(q, controller.signal);
      if (controller.signal.aborted) return;
      status.textContent =
        hits.length === 0
          ? `No titles match “${q}”.`
          : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}, use ↑ ↓ and Enter.`;
      show();
    } catch (error) {
      if (controller.signal.aborted) return;
      hits = [];
      show();
      status.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }, 250);

  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (q.length < 2) {
      run.cancel();
      inflight?.abort();
      hits = [];
      close();
      status.textContent = '';
      return;
    }
    run(q);
  });

  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && hits.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && hits.length > 0) show();
      highlight(active + 1 >= hits.length ? 0 : active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (open) highlight(active <= 0 ? hits.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (open) {
        event.preventDefault();
        choose(Math.max(active, 0));
      } else {
        run.flush();
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        close();
      }
    }
  });

  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (hits.length > 0 && input.value.trim().length >= 2) show();
  });
}
