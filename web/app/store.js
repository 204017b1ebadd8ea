/**
 * The page's settings: only the style values the user set away from their defaults, by parameter name
 * (what the URL will carry before the server shrinks it). Everything else reads as its default from
 * the server's table, so the page never holds a default of its own.
 */

/** @import { ParamRow } from './types.d.ts' */

export class Store {
  /**
   * @param {ParamRow[]} table
   * @param {string[]} [neverOmitted] written by the server even at their default (client profile, insets)
   */
  constructor(table, neverOmitted = []) {
    /** @type {Set<string>} */
    this.neverOmitted = new Set(neverOmitted);
    /** @type {ParamRow[]} */
    this.table = table;
    /** @type {Map<string, ParamRow>} */
    this.rows = new Map(table.map((row) => [row.name, row]));
    /** @type {Map<string, string>} */
    this.explicit = new Map();
    /** @type {Set<(source: string) => void>} */
    this.listeners = new Set();
  }

  /**
   * The default of a parameter for the selected client (insets move with primary_client).
   * @param {string} name
   * @returns {string}
   */
  defaultOf(name) {
    const row = this.rows.get(name);
    if (!row) return '';
    if (row.clientDefaults) return row.clientDefaults[this.value('primary_client')] ?? row.default;
    return row.default;
  }

  /** @param {string} name @returns {string} */
  value(name) {
    return this.explicit.get(name) ?? this.defaultOf(name);
  }

  /** @param {string} name */
  isChanged(name) {
    return this.explicit.has(name);
  }

  /**
   * Sets one value; equal to the default (numerically, for numbers) means "not set".
   * @param {string} name
   * @param {string} text
   * @param {string} [source] who changed it, passed to listeners
   */
  set(name, text, source = 'user') {
    if (sameValue(text, this.defaultOf(name))) this.explicit.delete(name);
    else this.explicit.set(name, text);
    this.emit(source);
  }

  /** @param {string} name @param {string} [source] */
  reset(name, source = 'user') {
    this.explicit.delete(name);
    this.emit(source);
  }

  /**
   * Replaces every value with a query the server wrote (its canonical form, a preset). What it wrote
   * is kept as given — an explicit weights map equal to today's defaults still differs from "absent"
   * (the operator's defaults) — except the parameters it always writes, which count as set only when
   * they differ from their default.
   * @param {Iterable<[string, string]>} entries
   * @param {string} source
   */
  replaceAll(entries, source) {
    this.explicit.clear();
    for (const [name, text] of entries) {
      if (!this.rows.has(name)) continue;
      if (this.neverOmitted.has(name) && sameValue(text, this.defaultOf(name))) continue;
      this.explicit.set(name, text);
    }
    this.emit(source);
  }

  /** The set values in table order, as a query. */
  toQuery() {
    const params = new URLSearchParams();
    for (const row of this.table) {
      const text = this.explicit.get(row.name);
      if (text !== undefined) params.set(row.name, text);
    }
    return params;
  }

  /** @param {(source: string) => void} listener */
  subscribe(listener) {
    this.listeners.add(listener);
  }

  /** @param {string} source */
  emit(source) {
    for (const listener of this.listeners) listener(source);
  }
}

/** @param {string} a @param {string} b */
export function sameValue(a, b) {
  if (a === b) return true;
  const numeric = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;
  return numeric.test(a) && numeric.test(b) && Number(a) === Number(b);
}
