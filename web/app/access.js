/**
 * The ways into a closed or locked instance: the private instance's access-key form (when
 * /server-caps refuses the caller), and the public tier's lock banner with its two ways out — unlock
 * with the operator's key (only when one is set: `access_key_required`) or run an instance of one's
 * own (`self_host_url`, set by the operator).
 */

import { banner } from './chrome.js';
import { h } from './dom.js';
import { keys, origin } from './instance.js';

/** @import { ServerCaps } from './types.d.ts' */

/**
 * The access-key form. The page reads a key from its own address once and then removes it from there
 * (instance.js), so unlocking is a reload with the key in the address.
 */
function unlockForm() {
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
    if (input.value.trim()) window.location.assign(`/?access_key=${encodeURIComponent(input.value.trim())}`);
  });
  return form;
}

/** A key was given (in the address) and refused. */
const rejectedKey = () => (keys.access_key ? 'That access key is not valid. ' : '');

/** /server-caps said 403: the instance is private. Ask for the operator's key. */
export function askForAccessKey() {
  const section = banner('warn', 'This instance is private', [
    rejectedKey(),
    'Enter the operator’s access key (or open ',
    h('code', {}, `${origin}/?access_key=…`),
    ').',
  ]);
  section.append(unlockForm());
}

/**
 * The public preset tier without the operator's key: only the gallery is offered, and the banner says
 * how to get every setting.
 * @param {ServerCaps} caps
 */
export function lockBanner(caps) {
  const section = banner(
    'info',
    'Public preset tier',
    [
      'This instance offers a gallery of ready-made looks. Pick one, find your title and copy the URL; ',
      'custom settings are for the operator.',
    ],
    'lock-banner',
  );
  /** @type {HTMLElement[]} */
  const ways = [];
  if (caps.access_key_required) {
    ways.push(
      h(
        'div',
        { class: 'way', id: 'way-unlock' },
        h('h3', {}, 'Operator of this instance?'),
        h('p', {}, rejectedKey(), 'Unlock every setting with its access key.'),
        unlockForm(),
      ),
    );
  }
  if (caps.self_host_url) {
    ways.push(
      h(
        'div',
        { class: 'way', id: 'way-self-host' },
        h('h3', {}, 'Want every setting?'),
        h(
          'p',
          {},
          'Posters+ is open source: run your own instance, with your own keys and any look you like.',
        ),
        h(
          'a',
          { class: 'button-link', href: caps.self_host_url, rel: 'noopener noreferrer', target: '_blank' },
          'Run your own instance',
        ),
      ),
    );
  }
  if (ways.length > 0) section.append(h('div', { class: 'ways-out' }, ways));
}
