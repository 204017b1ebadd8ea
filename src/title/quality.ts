/**
 * Stream-quality tokens and their tier (token spellings and points: docs/PARAMETERS.md, Quality).
 *
 * Sources differ only in how they spell things: Stremio stream addons put the release name in
 * `title` or `description` (first line), the quality in `name` after a newline, sometimes only in
 * `behaviorHints.filename`; AIOStreams sends parsed arrays; QualiCache and the `quality=` parameter
 * send tokens. All of them are folded to the same nine tokens, one per group, best first.
 */
import type { QualityTier, QualityToken } from '../domain/facts.ts';
import { isRecord, own } from './util.ts';

/** The four groups, each best-first; a poster shows at most one token per group. */
export const QUALITY_GROUPS: readonly (readonly QualityToken[])[] = [
  ['4K', '1080P'],
  ['REMUX', 'WEBDL'],
  ['DV', 'HDR10+', 'HDR10'],
  ['ATMOS', 'DTSX'],
];

export const QUALITY_TOKENS: readonly QualityToken[] = QUALITY_GROUPS.flat();

/** How many streams of a response are read: addons sort best-first, the tail is noise. */
export const DEFAULT_TOP_STREAMS = 5;

/** Longest text read per field: release names are short, a hostile field is not. */
const MAX_FIELD_LENGTH = 2000;

/*
 * Token patterns, applied to lower-cased text. `(?<![a-z0-9])…(?![a-z0-9])` is a word boundary that
 * treats `.`, `-`, `_`, `|`, `[`, spaces and emoji alike, since release names use all of them.
 *  - DV must not match inside DVD/DVDRip; HDR must not match HDRip (a low-grade rip, not HDR video).
 *  - WEB-DL, WEBDL, WEBRip and a bare WEB are all "Web" (QualiCache folds WEBRIP the same way, §5.3).
 *  - 720p and below, BluRay encodes, DVDRip, CAM … carry no token: the badge only marks what is good.
 */
const PATTERNS: readonly (readonly [QualityToken, RegExp])[] = [
  ['4K', /(?<![a-z0-9])(?:2160[pi]|4k|uhd)(?![a-z0-9])/],
  ['1080P', /(?<![a-z0-9])1080[pi](?![a-z])/],
  ['REMUX', /remux/],
  ['WEBDL', /(?<![a-z0-9])web(?:[ ._-]?(?:dl|rip))?(?![a-z0-9])/],
  ['DV', /(?<![a-z0-9])(?:dv|dovi)(?![a-z0-9])|dolby[ ._-]?vision/],
  ['HDR10+', /(?<![a-z0-9])hdr10(?:\+|[ ._-]?plus)/],
  ['HDR10', /(?<![a-z0-9])hdr(?:10)?(?![a-z0-9+])/],
  ['ATMOS', /(?<![a-z0-9])atmos(?![a-z])/],
  ['DTSX', /(?<![a-z0-9])dts[ ._:-]?x(?![a-z0-9])/],
];

/** Every token named anywhere in `text` (unfolded: a DV HDR10 release yields both). */
export function tokensInText(text: string): Set<QualityToken> {
  if (typeof text !== 'string') return new Set();
  const lower = text.slice(0, MAX_FIELD_LENGTH * 4).toLowerCase();
  const found = new Set<QualityToken>();
  for (const [token, pattern] of PATTERNS) {
    if (pattern.test(lower)) found.add(token);
  }
  return found;
}

/** Keep the best token of each group, in canonical group order. */
export function foldTokens(tokens: Iterable<QualityToken>): QualityToken[] {
  const present = new Set(tokens);
  const folded: QualityToken[] = [];
  for (const group of QUALITY_GROUPS) {
    const best = group.find((token) => present.has(token));
    if (best !== undefined) folded.push(best);
  }
  return folded;
}

function field(record: Record<string, unknown>, key: string): string {
  const value = own(record, key);
  return typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : '';
}

/**
 * The text of one Stremio stream worth scanning: `name` (quality after the newline), `title` or
 * `description` (whichever the addon uses — all lines, since a pack's second line is the file),
 * and `behaviorHints.filename` / `bingeGroup`. Any of them may be missing.
 */
export function streamText(stream: unknown): string {
  if (!isRecord(stream)) return '';
  const parts = [field(stream, 'name'), field(stream, 'title'), field(stream, 'description')];
  const hints = own(stream, 'behaviorHints');
  if (isRecord(hints)) parts.push(field(hints, 'filename'), field(hints, 'bingeGroup'));
  return parts.filter((part) => part !== '').join('\n');
}

/** Folded tokens of one stream. */
export function tokensFromStream(stream: unknown): QualityToken[] {
  return foldTokens(tokensInText(streamText(stream)));
}

function streamList(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isRecord(body)) {
    const streams = own(body, 'streams');
    if (Array.isArray(streams)) return streams;
  }
  return [];
}

/**
 * Tokens for a title from a Stremio `/stream` response (`{streams:[…]}` or the bare array): the best
 * token per group across the first `top` streams. An empty or malformed response yields [].
 */
export function qualityFromStreams(body: unknown, top = DEFAULT_TOP_STREAMS): QualityToken[] {
  const found = new Set<QualityToken>();
  for (const stream of streamList(body).slice(0, Math.max(0, top))) {
    for (const token of tokensFromStream(stream)) found.add(token);
  }
  return foldTokens(found);
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value.slice(0, MAX_FIELD_LENGTH)];
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, 32)
    .flatMap((item) => (typeof item === 'string' ? [item.slice(0, MAX_FIELD_LENGTH)] : []));
}

/**
 * One AIOStreams `parsedFile` (`resolution`, `quality`, `visualTags[]`, `audioTags[]`): each field is
 * read with the same patterns as a release name, but only for its own group, so a stray "4K" in an
 * audio tag cannot claim a resolution.
 */
export function tokensFromParsedFile(parsed: unknown): QualityToken[] {
  if (!isRecord(parsed)) return [];
  const groupFields: readonly (readonly [string, readonly QualityToken[]])[] = [
    ['resolution', ['4K', '1080P']],
    ['quality', ['REMUX', 'WEBDL']],
    ['visualTags', ['DV', 'HDR10+', 'HDR10']],
    ['audioTags', ['ATMOS', 'DTSX']],
  ];
  const found = new Set<QualityToken>();
  for (const [key, group] of groupFields) {
    for (const text of stringList(own(parsed, key))) {
      for (const token of tokensInText(text)) if (group.includes(token)) found.add(token);
    }
  }
  return foldTokens(found);
}

export type AioStreamsQuality = { ok: true; tokens: QualityToken[] } | { ok: false; reason: string };

/**
 * An AIOStreams `/api/v1/search` body: `success` must be true; `data.results[0..top].parsedFile` are
 * folded. Empty results *with* `data.errors` is a failure (retry later); without errors it is a real
 * "no streams" (cache the empty list).
 */
export function qualityFromAioStreams(body: unknown, top = DEFAULT_TOP_STREAMS): AioStreamsQuality {
  if (!isRecord(body) || own(body, 'success') !== true) return { ok: false, reason: 'success is not true' };
  const data = own(body, 'data');
  if (!isRecord(data)) return { ok: false, reason: 'no data' };
  const results = own(data, 'results');
  const list = Array.isArray(results) ? results : [];
  if (list.length === 0) {
    const errors = own(data, 'errors');
    if (Array.isArray(errors) && errors.length > 0) return { ok: false, reason: 'errors and no results' };
    return { ok: true, tokens: [] };
  }
  const found = new Set<QualityToken>();
  for (const result of list.slice(0, Math.max(0, top))) {
    if (!isRecord(result)) continue;
    for (const token of tokensFromParsedFile(own(result, 'parsedFile'))) found.add(token);
  }
  return { ok: true, tokens: foldTokens(found) };
}

/** Token spellings accepted from QualiCache and the `quality=` parameter, upper-cased. */
const TOKEN_ALIASES: ReadonlyMap<string, QualityToken> = new Map<string, QualityToken>([
  ...QUALITY_TOKENS.map((token) => [token, token] as const),
  ['2160P', '4K'],
  ['UHD', '4K'],
  ['WEB-DL', 'WEBDL'],
  ['WEB', 'WEBDL'],
  ['WEBRIP', 'WEBDL'],
  // QualiCache's BLURAY means "a disc encode exists" and the reference folds it to WEBDL (§5.3).
  ['BLURAY', 'WEBDL'],
  ['HDR10PLUS', 'HDR10+'],
  ['HDR', 'HDR10'],
  ['DOVI', 'DV'],
  ['DOLBYVISION', 'DV'],
  ['DTS:X', 'DTSX'],
  ['DTS-X', 'DTSX'],
]);

/**
 * A token list as QualiCache returns it (`tokens: [...]`) or as the `quality=` parameter spells it
 * (`4K,REMUX,DV`): known spellings folded, unknown ones dropped, one per group.
 */
export function parseQualityTokens(raw: unknown): QualityToken[] {
  const items =
    typeof raw === 'string' ? raw.slice(0, 500).split(',') : Array.isArray(raw) ? raw.slice(0, 64) : [];
  const found = new Set<QualityToken>();
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const token = TOKEN_ALIASES.get(item.trim().toUpperCase().replace(/\s+/g, ''));
    if (token !== undefined) found.add(token);
  }
  return foldTokens(found);
}

/** Points per token; each category is capped at 2, so the total is 0–6. */
const POINTS: Readonly<Partial<Record<QualityToken, number>>> = {
  '4K': 2,
  '1080P': 1,
  REMUX: 2,
  WEBDL: 1,
  DV: 2,
  'HDR10+': 2,
  HDR10: 1,
};

/** Tier score 0–6: resolution + source + visual, each capped at 2. Audio adds nothing. */
export function qualityScore(tokens: Iterable<QualityToken>): number {
  const present = new Set(tokens);
  let total = 0;
  for (const group of QUALITY_GROUPS) {
    let groupPoints = 0;
    for (const token of group)
      if (present.has(token)) groupPoints = Math.max(groupPoints, POINTS[token] ?? 0);
    total += Math.min(2, groupPoints);
  }
  return total;
}

/** 0–1 grey, 2–3 bronze, 4–5 silver, ≥6 gold. */
export function qualityTier(score: number): QualityTier {
  if (score >= 6) return 'gold';
  if (score >= 4) return 'silver';
  if (score >= 2) return 'bronze';
  return 'grey';
}
