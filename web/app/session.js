/**
 * What the page remembers between visits, in this browser only (localStorage): the look, the title,
 * the open tab or the chosen preset. Never a key. Storage may be unavailable (private mode): then
 * nothing is remembered and nothing fails.
 */

const STORAGE_KEY = 'postersplus.configurator.v1';

/** @returns {{ query?: unknown, title?: unknown, preset?: unknown, tab?: unknown } | null} */
export function loadSaved() {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const saved = raw ? /** @type {unknown} */ (JSON.parse(raw)) : null;
    if (!saved || typeof saved !== 'object') return null;
    return /** @type {{ query?: unknown, title?: unknown, preset?: unknown, tab?: unknown }} */ (saved);
  } catch {
    return null;
  }
}

/** @param {{ query?: string, title?: unknown, preset?: string | null, tab?: string }} session */
export function saveSession(session) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Private mode: nothing to remember.
  }
}
