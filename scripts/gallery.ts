/**
 * Contact sheet of every render mode and preset (issue #3 "Proof"): `npm run gallery`.
 *
 * Renders the golden cases (test/golden/cases.ts) over the demo catalogue's synthetic artwork, plus
 * the ten gallery presets (reference §10.1) over ten catalogue titles, and writes to data/gallery/
 * (git-ignored): one JPEG per poster, gallery.png (the sheet) and index.html. With `--docs` it also
 * writes the downscaled copy kept in the repository, docs/gallery.webp.
 *
 *   npm run gallery               # data/gallery/
 *   npm run gallery -- --docs     # … and docs/gallery.webp
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas, Image } from '@napi-rs/canvas';
import sharp from 'sharp';
import { renderOriginal } from '../src/demo/art/draw.ts';
import { type ArtAsset, type CatalogueTitle, registry } from '../src/demo/index.ts';
import type { Facts, QualityToken } from '../src/domain/facts.ts';
import { defaultStyle, type PosterStyle } from '../src/domain/style.ts';
import { registerFonts } from '../src/render/fonts.ts';
import { createRenderPool, type RenderInput } from '../src/render/index.ts';
import { tierOf, tierScore } from '../src/render/layout/badges.ts';
import { GOLDEN_CASES, type GoldenCase } from '../test/golden/cases.ts';
import { TEXT_FILE } from '../test/render/fixtures/hostile.ts';

const OUT = fileURLToPath(new URL('../data/gallery/', import.meta.url));
const DOCS = fileURLToPath(new URL('../docs/gallery.webp', import.meta.url));

// TMDB genre id → label, in GENRE_PRIORITY order (reference §7).
const GENRE_PRIORITY: [number[], string][] = [
  [[27], 'Horror'],
  [[53], 'Thriller'],
  [[9648], 'Mystery'],
  [[878, 10765], 'Sci-Fi'],
  [[80], 'Crime'],
  [[35], 'Comedy'],
  [[10749], 'Romance'],
  [[14], 'Fantasy'],
  [[16], 'Animation'],
  [[10751], 'Family'],
  [[28, 10759], 'Action'],
  [[36], 'History'],
  [[10402], 'Music'],
  [[10752, 10768], 'War'],
  [[37], 'Western'],
  [[99], 'Documentary'],
  [[18], 'Drama'],
  [[12], 'Adventure'],
];

function genreOf(ids: readonly number[]): string | null {
  for (const [keys, label] of GENRE_PRIORITY) if (keys.some((k) => ids.includes(k))) return label;
  return null;
}

/** A rough aggregate of the demo's MDBList ratings, enough to colour a bar. */
function scoreOf(t: CatalogueTitle): number | null {
  const values: number[] = [];
  for (const [source, r] of Object.entries(t.mdblist.ratings)) {
    if (!Array.isArray(r)) continue;
    const [v] = r;
    const scale =
      source === 'letterboxd' ? (r[2] ?? 5) : source === 'imdb' || source === 'metacriticuser' ? 10 : 100;
    values.push((v / scale) * 100);
  }
  return values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

function qualityOf(t: CatalogueTitle): QualityToken[] {
  const tokens = new Set<QualityToken>();
  for (const s of t.streams) {
    if (s.res === '2160p') tokens.add('4K');
    if (s.res === '1080p') tokens.add('1080P');
    if (s.source === 'REMUX') tokens.add('REMUX');
    if (s.source === 'WEB-DL' || s.source === 'WEBRip') tokens.add('WEBDL');
    for (const h of s.hdr ?? []) tokens.add(h === 'DV' ? 'DV' : h === 'HDR10+' ? 'HDR10+' : 'HDR10');
  }
  return [...tokens];
}

const SAMPLE_SASHES: Facts['sash'][] = [
  { label: 'Oscar Winner', type: 'win', slot: 'wins' },
  { label: '#2 Today', type: 'trending', slot: 'trending' },
  { label: 'New Season', type: 'alert', slot: 'new_season' },
  { label: 'Cult Classic', type: 'trending', slot: 'cult' },
  { label: 'Globe Nominee', type: 'nom', slot: 'gg_noms' },
  { label: 'True Story', type: 'info', slot: 'true_story' },
];

function factsOf(t: CatalogueTitle, i: number): Facts {
  const tokens = qualityOf(t);
  const score = tierScore(tokens);
  const cert =
    t.releases?.find((r) => r.country === 'US' && r.certification)?.certification ??
    t.contentRatings?.find(([c]) => c === 'US')?.[1] ??
    null;
  return {
    mediaType: t.kind,
    tmdbId: String(t.tmdbId),
    imdbId: t.imdbId,
    title: t.title,
    originalTitle: t.originalTitle,
    originalLanguage: t.originalLanguage,
    year: Number(t.date.slice(0, 4)) || null,
    genreIds: t.genres,
    genre: genreOf(t.genres),
    ageRating: cert,
    poster: null,
    posterIsTextless: true,
    backdrop: null,
    logo: null,
    score: scoreOf(t),
    ratings: {},
    ratingWeights: {},
    sash: t.mdblist.keywords.includes('best-picture-winner')
      ? { label: 'Oscar Winner', type: 'win', slot: 'wins' }
      : (SAMPLE_SASHES[i % SAMPLE_SASHES.length] ?? null),
    releaseStatus: 'streaming',
    trendingRank: null,
    qualityTokens: tokens,
    qualityScore: score,
    qualityTier: tierOf(score),
    provisional: false,
    provisionalReasons: [],
  };
}

interface DemoArt {
  title: CatalogueTitle;
  poster: Buffer;
  textedPoster: Buffer | null;
  backdrop: Buffer | null;
  logo: Buffer | null;
}

async function bytesOf(asset: ArtAsset | undefined, width?: number): Promise<Buffer | null> {
  if (!asset || asset.data.corrupt) return null;
  const original = await renderOriginal(asset);
  return width ? sharp(original).resize(width).toBuffer() : original;
}

async function demoArt(): Promise<DemoArt[]> {
  const out: DemoArt[] = [];
  for (const title of registry.titles) {
    const art = registry.art(title);
    const textless = art.posters.find((p) => p.text === null && !p.data.corrupt);
    if (!textless) continue;
    out.push({
      title,
      poster: (await bytesOf(textless))!,
      textedPoster: await bytesOf(art.posters.find((p) => p.text !== null && !p.data.corrupt)),
      backdrop: await bytesOf(art.backdrops.find((b) => b.text === null)),
      logo: await bytesOf((art.logos ?? [])[0], 500),
    });
  }
  return out;
}

/** The shared preset params and the ten gallery presets (reference §10.1), as style overrides. */
const SHARED: Partial<PosterStyle> = {
  topVignetteSashOnly: true,
  logoMaxHRatio: 0.2,
  logoBottomAnchor: true,
  badgeDisplayMode: 0,
};
const NOTCH: Partial<PosterStyle> = {
  sashMode: 'notch',
  notchSizeW: 1.8,
  notchSizeH: 1.2,
  notchInset: 0,
  notchFontRatio: 0.46,
};
const SASH: Partial<PosterStyle> = { sashMode: 'sash', sashLengthRatio: 1.2, sashHeightRatio: 0.135 };
const MINI: Partial<PosterStyle> = {
  topGradient: 'medium',
  bottomGradient: 'medium',
  vignettePosterColorBottom: true,
  vignetteColorLocal: false,
  ratingDisplayMode: 3,
  minimalistFontSizeRatio: 0.06,
  minimalistXOffset: 0.065,
  ratingTextColor: [255, 255, 255],
  logoBottomRatio: 0.17,
};
const BAR: Partial<PosterStyle> = {
  topGradient: 'medium',
  bottomGradient: 'medium',
  ratingDisplayMode: 4,
  frostReference: true,
  barBottomInset: 0,
  logoBottomRatio: 0.17,
};
const RATINGBAR: Partial<PosterStyle> = {
  topGradient: 'medium',
  frostReference: true,
  logoBottomRatio: 0.23,
};
const CLEAN: Partial<PosterStyle> = {
  ratingDisplayMode: 2,
  numericScoreFontSizeRatio: 0.09,
  numericScoreYOffset: 0.91,
  frostReference: true,
  logoBottomRatio: 0.21,
};

export const PRESETS: { id: string; style: Partial<PosterStyle>; originalArt?: boolean }[] = [
  { id: 'tinted_mini_notch', style: { ...MINI, ...NOTCH, notchVignetteColor: true } },
  { id: 'tinted_mini_sash', style: { ...MINI, ...SASH } },
  { id: 'bar_notch', style: { ...BAR, ...NOTCH } },
  { id: 'bar_sash', style: { ...BAR, ...SASH, sashPosterColor: true } },
  { id: 'ratingbar_notch', style: { ...RATINGBAR, ...NOTCH } },
  { id: 'ratingbar_sash', style: { ...RATINGBAR, ...SASH } },
  { id: 'clean_notch', style: { ...CLEAN, ...NOTCH } },
  { id: 'clean_sash', style: { ...CLEAN, ...SASH } },
  {
    id: 'mini_sash_oa',
    style: {
      topGradient: 'low',
      bottomGradient: 'medium',
      ratingDisplayMode: 3,
      logoBottomRatio: 0.23,
      ...SASH,
    },
    originalArt: true,
  },
  {
    id: 'bar_notch_oa',
    style: {
      topGradient: 'medium',
      bottomGradient: 'low',
      ratingDisplayMode: 4,
      logoBottomRatio: 0.23,
      ...NOTCH,
    },
    originalArt: true,
  },
];

interface Tile {
  name: string;
  group: string;
  input: RenderInput;
}

function caseTile(c: GoldenCase, demo: DemoArt): Tile {
  const art = c.art === 'none' ? null : c.art === 'broken' ? TEXT_FILE : demo.poster;
  return {
    name: c.name,
    group: c.group,
    input: {
      art,
      backdrop: c.backdrop ? demo.backdrop : null,
      logo: c.logo === null ? null : demo.logo,
      facts: c.art === 'none' || c.art === 'broken' ? c.facts : { ...c.facts, title: demo.title.title },
      style: c.style,
      output: { format: 'jpeg', quality: 88 },
    },
  };
}

async function main(): Promise<void> {
  registerFonts();
  mkdirSync(OUT, { recursive: true });
  const demos = await demoArt();
  const tiles: Tile[] = GOLDEN_CASES.map((c, i) => caseTile(c, demos[i % demos.length]!));
  PRESETS.forEach((p, i) => {
    const d = demos[(i * 3 + 1) % demos.length]!;
    const art = p.originalArt && d.textedPoster ? d.textedPoster : d.poster;
    tiles.push({
      name: `preset-${p.id}`,
      group: 'preset',
      input: {
        art,
        logo: d.logo,
        facts: { ...factsOf(d.title, i), posterIsTextless: !(p.originalArt && d.textedPoster) },
        style: { ...defaultStyle(), ...SHARED, ...p.style },
        output: { format: 'jpeg', quality: 88 },
      },
    });
  });

  const pool = createRenderPool();
  const rendered = await Promise.all(
    tiles.map(async (t) => ({ tile: t, result: await pool.render(t.input) })),
  );
  await pool.close();
  for (const { tile, result } of rendered) writeFileSync(`${OUT}${tile.name}.jpg`, result.bytes);

  const cols = 8;
  const tw = 250;
  const th = 375;
  const cap = 26;
  const rows = Math.ceil(rendered.length / cols);
  const sheet = createCanvas(cols * tw, rows * (th + cap));
  const ctx = sheet.getContext('2d');
  ctx.fillStyle = '#111214';
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  ctx.font = '600 12px "PP Inter"';
  ctx.textAlign = 'center';
  for (const [i, { tile, result }] of rendered.entries()) {
    const x = (i % cols) * tw;
    const y = Math.floor(i / cols) * (th + cap);
    const img = new Image();
    img.src = result.bytes;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(img, x + 4, y + 4, tw - 8, th - 8);
    ctx.fillStyle = '#c8c8cc';
    ctx.fillText(tile.name, x + tw / 2, y + th + 14, tw - 8);
  }
  const png = await sheet.encode('png');
  writeFileSync(`${OUT}gallery.png`, png);

  const cells = rendered
    .map(
      ({ tile, result }) =>
        `<figure><a href="${tile.name}.jpg"><img src="${tile.name}.jpg" width="250" height="375" loading="lazy" alt="${tile.name}"></a><figcaption>${tile.name}<br><small>${tile.group} · ${result.artSource}</small></figcaption></figure>`,
    )
    .join('\n');
  writeFileSync(
    `${OUT}index.html`,
    `<!doctype html><meta charset="utf-8"><title>Posters+ render gallery</title><style>body{background:#111214;color:#ddd;font:14px system-ui;margin:24px}main{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;text-align:center}img{border-radius:6px;display:block}small{color:#888}</style><h1>Posters+ render gallery</h1><p>${rendered.length} posters · <a href="gallery.png">contact sheet</a></p><main>${cells}</main>\n`,
  );

  if (process.argv.includes('--docs')) {
    const webp = await sharp(png).resize({ width: 1400 }).webp({ quality: 72, effort: 6 }).toBuffer();
    writeFileSync(DOCS, webp);
    process.stdout.write(`docs/gallery.webp: ${webp.length} bytes\n`);
  }
  process.stdout.write(`${rendered.length} posters → ${OUT}index.html, ${OUT}gallery.png\n`);
}

await main();
