/**
 * The `sash_priority` parameter.
 *
 * Two spellings build the same list:
 *  - full form `wins,gg_wins,-cult` — authoritative: only the named slots, in that order (`-slot`
 *    marks a slot the user switched off; an all-exclusions list is how "every sash off" is spelled);
 *  - diff form `default,-cult,festival@0,noms` — the default order edited left to right: `-slot`
 *    removes, `slot@N` moves (or inserts) it at index N, a bare `slot` appends it if absent.
 * Legacy aggregates (`structural`, `release_status`) expand in place, aliases resolve, unknown tokens
 * are skipped and duplicates dropped: a URL that half-parses still renders a poster.
 */
import { resolveSlotToken, type SashSlot } from './sashSlots.ts';

/** Upstream v1.2.0 `SASH_PRIORITY`: prestige → timely → curated taste → static flavour → lifecycle. */
export const DEFAULT_SASH_PRIORITY: readonly SashSlot[] = [
  'wins',
  'gg_wins',
  'festival',
  'pic_noms',
  'metacritic',
  'gg_noms',
  'trending',
  'trending_broad',
  'premiere',
  'new_release',
  'just_added',
  'new_season',
  'season_finale',
  'studio',
  'director',
  'cast',
  'cult',
  'foreign',
  'true_story',
  'short_film',
  'mini_series',
  'binge_ready',
  'returning',
  'airing',
  'cancelled',
  'ended',
  'physical',
  'streaming',
  'cinema',
  'production',
];

/** First token of the diff form. No slot may ever be called this. */
export const DIFF_SEED = 'default';

/** Bounds on what one parameter can cost to parse. */
const MAX_INPUT_LENGTH = 4000;
const MAX_TOKENS = 200;

function tokens(raw: string): string[] {
  return raw
    .slice(0, MAX_INPUT_LENGTH)
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '')
    .slice(0, MAX_TOKENS);
}

function applyDiff(ops: readonly string[]): SashSlot[] {
  const list: SashSlot[] = [...DEFAULT_SASH_PRIORITY];
  for (const op of ops) {
    if (op === DIFF_SEED) continue;
    if (op.startsWith('-')) {
      for (const slot of resolveSlotToken(op.slice(1))) {
        const index = list.indexOf(slot);
        if (index !== -1) list.splice(index, 1);
      }
      continue;
    }
    const at = op.indexOf('@');
    if (at === -1) {
      for (const slot of resolveSlotToken(op)) if (!list.includes(slot)) list.push(slot);
      continue;
    }
    const positionText = op.slice(at + 1);
    if (!/^\d{1,4}$/.test(positionText)) continue;
    const slots = resolveSlotToken(op.slice(0, at));
    if (slots.length === 0) continue;
    for (const slot of slots) {
      const index = list.indexOf(slot);
      if (index !== -1) list.splice(index, 1);
    }
    const position = Math.min(Number(positionText), list.length);
    list.splice(position, 0, ...slots);
  }
  return list;
}

/**
 * Parse `sash_priority`. Absent or blank → the default order; a full list that names no known slot
 * (neither active nor excluded) → the default too, so garbage never switches sashes off.
 */
export function parsePriority(raw: string | null | undefined): SashSlot[] {
  if (typeof raw !== 'string') return [...DEFAULT_SASH_PRIORITY];
  const list = tokens(raw);
  if (list.length === 0) return [...DEFAULT_SASH_PRIORITY];
  if (list[0] === DIFF_SEED) return applyDiff(list);

  const active: SashSlot[] = [];
  const excluded = new Set<SashSlot>();
  for (const token of list) {
    if (token.startsWith('-')) {
      for (const slot of resolveSlotToken(token.slice(1))) excluded.add(slot);
      continue;
    }
    // A position suffix means nothing in the full form (order is the list itself): read the name only.
    const name = token.includes('@') ? token.slice(0, token.indexOf('@')) : token;
    for (const slot of resolveSlotToken(name)) if (!active.includes(slot)) active.push(slot);
  }
  if (active.length === 0 && excluded.size === 0) return [...DEFAULT_SASH_PRIORITY];
  // An explicit exclusion beats a mention: the configurator's ✕ is the user's last word on a slot.
  return active.filter((slot) => !excluded.has(slot));
}

function sameList(a: readonly SashSlot[], b: readonly SashSlot[]): boolean {
  return a.length === b.length && a.every((slot, index) => slot === b[index]);
}

/** Longest common subsequence of two slot lists (both duplicate-free), as a set. */
function commonSubsequence(a: readonly SashSlot[], b: readonly SashSlot[]): Set<SashSlot> {
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = table[i] as number[];
      row[j] =
        a[i] === b[j]
          ? ((table[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((table[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const kept = new Set<SashSlot>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i] as SashSlot);
      i += 1;
      j += 1;
    } else if (((table[i + 1] as number[])[j] as number) >= ((table[i] as number[])[j + 1] as number)) i += 1;
    else j += 1;
  }
  return kept;
}

/** Candidate diff spellings of `target`; each is verified by parsing before it is offered. */
function diffCandidates(target: readonly SashSlot[]): string[] {
  const removals = DEFAULT_SASH_PRIORITY.filter((slot) => !target.includes(slot));
  const base = DEFAULT_SASH_PRIORITY.filter((slot) => target.includes(slot));
  const prefix = [DIFF_SEED, ...removals.map((slot) => `-${slot}`)];

  // Greedy: fix positions left to right. Always correct, not always short.
  const greedy: string[] = [];
  const current = [...base];
  target.forEach((slot, index) => {
    if (current[index] === slot) return;
    const from = current.indexOf(slot);
    if (from !== -1) current.splice(from, 1);
    current.splice(index, 0, slot);
    greedy.push(`${slot}@${index}`);
  });

  // Keep the longest common subsequence in place and move only the rest (short when one slot moved).
  const kept = commonSubsequence(base, target);
  const moved = target.flatMap((slot, index) => (kept.has(slot) ? [] : [`${slot}@${index}`]));
  const trailingAdds = (ops: readonly string[]) =>
    ops.map((op) => {
      // A slot the default lacks, landing last, needs no position.
      const [slot, position] = op.split('@');
      return slot !== undefined &&
        !DEFAULT_SASH_PRIORITY.includes(slot as SashSlot) &&
        Number(position) === target.length - 1
        ? slot
        : op;
    });

  return [
    [...prefix, ...greedy],
    [...prefix, ...moved],
    [...prefix, ...[...moved].reverse()],
    [...prefix, ...trailingAdds(moved)],
    [...prefix, ...trailingAdds([...moved].reverse())],
  ].map((ops) => ops.join(','));
}

/**
 * Write a priority list in whichever spelling is shorter — full or diff — such that
 * `parsePriority(formatPriority(list))` equals the list (after dropping unknown slots and duplicates).
 * The configurator uses this to keep URLs under ~2000 characters. An empty list is spelled as a single
 * exclusion, because an empty parameter means "default".
 */
export function formatPriority(list: readonly string[]): string {
  const target: SashSlot[] = [];
  for (const token of list) {
    for (const slot of resolveSlotToken(token)) if (!target.includes(slot)) target.push(slot);
  }
  if (target.length === 0) return `-${DEFAULT_SASH_PRIORITY[0]}`;
  if (sameList(target, DEFAULT_SASH_PRIORITY)) return DIFF_SEED;

  let best = target.join(',');
  for (const candidate of diffCandidates(target)) {
    if (candidate.length < best.length && sameList(parsePriority(candidate), target)) best = candidate;
  }
  return best;
}
