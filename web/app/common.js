/**
 * What both modes share: the title search, the live preview, the two copy buttons and the import
 * form. A mode says which URLs its current state makes and what an import means for it.
 */

import { search } from './api.js';
import { copyField } from './chrome.js';
import { $, debounce } from './dom.js';
import { callKeys } from './instance.js';
import { createPreview } from './preview.js';
import { setupSearch } from './search.js';
import { showTitle, titleFromHit } from './title.js';

/** @import { Title } from './types.d.ts' */

/**
 * @typedef {{ template: string, plain: string | null, preview: string | null, empty: string }} ModeUrls
 * @typedef {{
 *   title: Title,
 *   urls(): ModeUrls,
 *   onTitle(): void,
 *   onImport(text: string): Promise<void>,
 * }} Mode
 * @typedef {{ refresh(): void, refreshUrls(): ModeUrls }} Common
 */

/**
 * @param {Mode} mode
 * @returns {Common}
 */
export function wireCommon(mode) {
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
