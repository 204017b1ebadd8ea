/**
 * The ways into a closed or locked instance: the private instance's access-key form (when
 * /server-caps refuses the caller) and the public tier's lock banner.
 */

import { banner } from './chrome.js';
import { h } from './dom.js';
import { keys, origin } from './instance.js';

/** /server-caps said 403: the instance is private. Ask for the operator's key. */
export function askForAccessKey() {
  const section = banner('warn', 'This instance is private', [
    keys.access_key ? 'That access key is not valid. ' : '',
    'Enter the operator’s access key (or open ',
    h('code', {}, `${origin}/?access_key=…`),
    ').',
  ]);
  const input = h('input', {
    type: 'password',
    id: 'unlock-key',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const form = h(
    'form',
    { class: 'unlock' },
    h('label', { for: 'unlock-key' }, 'Access key'),
    input,
    h('button', { type: 'submit', class: 'primary' }, 'Unlock'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The page reads the key from its address once, then removes it from there (boot()).
    if (input.value.trim()) window.location.assign(`/?access_key=${encodeURIComponent(input.value.trim())}`);
  });
  section.append(form);
}

/** The public preset tier without the operator's key: only the gallery is offered. */
export function lockBanner() {
  banner(
    'info',
    'Public preset tier',
    [
      'This instance offers a gallery of ready-made looks. Pick one, find your title and copy the URL; ',
      'custom settings are for the operator.',
    ],
    'lock-banner',
  );
}
