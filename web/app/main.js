/**
 * The configurator (issue #8): pick a title, pick a look, copy a URL. Boots from /server-caps, then runs
 * in one of two modes — the full editor (every parameter, from the server's table; full.js) or, on a
 * public preset tier without a valid access key, the locked preset gallery (locked.js).
 */

import { askForAccessKey, lockBanner } from './access.js';
import { ApiError, serverCaps } from './api.js';
import { banner, demoBanner, showCaps } from './chrome.js';
import { $ } from './dom.js';
import { startFull } from './full.js';
import { keys, takeAccessKeyFromAddress } from './instance.js';
import { startLocked } from './locked.js';

/** @import { ServerCaps } from './types.d.ts' */

async function boot() {
  // The keys form only groups fields: Enter in it must not navigate (the CSP forbids form posts anyway).
  $('#keys-form', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());
  takeAccessKeyFromAddress();

  /** @type {ServerCaps} */
  let caps;
  try {
    caps = await serverCaps(keys.access_key);
  } catch (error) {
    document.body.dataset.mode = 'error';
    if (error instanceof ApiError && error.status === 403) askForAccessKey();
    else {
      banner('error', 'The server could not be reached', [
        error instanceof Error ? error.message : String(error),
      ]);
    }
    return;
  }
  showCaps(caps);
  if (caps.demo_mode) demoBanner();

  const locked = caps.preset_enabled && !caps.access_key_valid;
  document.body.dataset.mode = locked ? 'locked' : 'full';
  if (locked) {
    lockBanner(caps);
    startLocked(caps);
  } else {
    await startFull(caps);
  }
  document.body.dataset.ready = 'true';
}

void boot();
