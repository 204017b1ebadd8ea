/**
 * The live preview. The poster is fetched (not just set as an <img> source) so that a failed render
 * shows the server's reason instead of a broken image; a newer request aborts an older one, so the
 * preview always ends on the latest settings.
 */

import { failureReason } from './api.js';

/**
 * @param {{ figure: HTMLElement, img: HTMLImageElement, message: HTMLElement }} elements
 */
export function createPreview({ figure, img, message }) {
  /** @type {AbortController | null} */
  let inflight = null;
  /** @type {string | null} */
  let objectUrl = null;

  /** @param {'loading' | 'ready' | 'error' | 'empty'} state @param {string} [text] */
  const setState = (state, text = '') => {
    figure.dataset.state = state;
    figure.setAttribute('aria-busy', String(state === 'loading'));
    message.textContent = text;
    message.hidden = text === '';
  };

  /** @param {string} src @param {string} url @param {number} size */
  const display = async (src, url, size) => {
    img.src = src;
    await img.decode();
    img.dataset.src = url;
    img.dataset.bytes = String(size);
    img.dataset.width = String(img.naturalWidth);
    img.dataset.height = String(img.naturalHeight);
  };

  return {
    /**
     * @param {string | null} url same-origin poster URL, or null when there is nothing to show
     * @param {string} [emptyText]
     */
    async show(url, emptyText = '') {
      inflight?.abort();
      if (url === null) {
        inflight = null;
        setState('empty', emptyText);
        return;
      }
      const controller = new AbortController();
      inflight = controller;
      setState('loading');
      try {
        const response = await fetch(url, { signal: controller.signal });
        if (!response.ok) {
          const reason = await failureReason(response);
          if (!controller.signal.aborted) setState('error', `This poster could not be rendered: ${reason}`);
          return;
        }
        const blob = await response.blob();
        if (controller.signal.aborted) return;
        const next = URL.createObjectURL(blob);
        await display(next, url, blob.size);
        if (controller.signal.aborted) return;
        if (objectUrl) URL.revokeObjectURL(objectUrl);
        objectUrl = next;
        setState('ready');
      } catch (error) {
        if (controller.signal.aborted) return;
        // A cached poster may redirect to the operator's CDN, which need not answer CORS: let the
        // <img> load it directly (the CSP allows that one origin for images).
        try {
          await display(url, url, 0);
          if (controller.signal.aborted) return;
          setState('ready');
        } catch {
          if (controller.signal.aborted) return;
          setState(
            'error',
            `This poster could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    },
  };
}
