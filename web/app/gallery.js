/**
 * The preset cards. In lock mode they are a radio group (the chosen preset is the URL); in the full
 * editor they are "Load preset" buttons that copy a preset's settings into the editor.
 */

import { h } from './dom.js';

/** @import { PresetCard } from './types.d.ts' */

/**
 * @typedef {{
 *   selectable: boolean,
 *   selected(): string | null,
 *   choose(id: string): void,
 *   thumbnail?(card: PresetCard): string,
 * }} GalleryOptions
 * @typedef {{ element: HTMLElement, sync(): void }} Gallery
 */

/**
 * @param {PresetCard[]} presets
 * @param {GalleryOptions} options
 * @returns {Gallery}
 */
export function presetGallery(presets, options) {
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
