/**
 * Procedural artwork, deterministic per asset seed: genre-tinted skies, layered hills, glowing suns,
 * bokeh and retro arches for posters and backdrops; transparent word-marks for logos. Never a real image.
 * Textless art (language-neutral) never carries text; texted posters carry the title and a billing
 * block drawn as bars, not glyphs.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { seededRandom } from '../hash.ts';
import { type ArtAsset, splitTitle } from '../registry.ts';
import { type FontRole, font, fontFor } from './fonts.ts';
import { genreFamily, mix, type Palette, paletteFor, rgba } from './palette.ts';

type Random = () => number;

function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

function luminance(hex: string): number {
  const v = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * v[0]! + 0.7152 * v[1]! + 0.0722 * v[2]!;
}

function sky(ctx: SKRSContext2D, w: number, h: number, horizon: number, p: Palette): void {
  const gradient = ctx.createLinearGradient(0, 0, 0, horizon);
  gradient.addColorStop(0, p.skyTop);
  gradient.addColorStop(0.65, mix(p.skyTop, p.skyBottom, 0.7));
  gradient.addColorStop(1, p.skyBottom);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, w, h);
}

function stars(ctx: SKRSContext2D, random: Random, w: number, horizon: number): void {
  const count = Math.round((w * horizon) / 5000);
  for (let i = 0; i < count; i++) {
    const x = random() * w;
    const y = random() ** 1.6 * horizon * 0.85;
    const r = random() < 0.92 ? between(random, 0.4, 1.2) : between(random, 1.3, 2.1);
    ctx.fillStyle = `rgba(255,255,255,${between(random, 0.25, 0.85).toFixed(2)})`;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  }
}

function glowDisc(ctx: SKRSContext2D, x: number, y: number, r: number, p: Palette): void {
  const halo = ctx.createRadialGradient(x, y, r * 0.6, x, y, r * 5);
  halo.addColorStop(0, rgba(p.glow, 0.55));
  halo.addColorStop(0.35, rgba(p.glow, 0.16));
  halo.addColorStop(1, rgba(p.glow, 0));
  ctx.fillStyle = halo;
  ctx.fillRect(x - r * 5, y - r * 5, r * 10, r * 10);
  const disc = ctx.createRadialGradient(x - r * 0.3, y - r * 0.3, r * 0.1, x, y, r);
  disc.addColorStop(0, '#ffffff');
  disc.addColorStop(1, mix(p.glow, '#ffffff', 0.25));
  ctx.fillStyle = disc;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

function rays(
  ctx: SKRSContext2D,
  random: Random,
  x: number,
  y: number,
  w: number,
  h: number,
  p: Palette,
): void {
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  const count = 5 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    // Upwards into the sky: the land in front of the sun stays dark.
    const angle = -between(random, Math.PI * 0.08, Math.PI * 0.92);
    const spread = between(random, 0.02, 0.06);
    const length = Math.max(w, h) * 1.2;
    ctx.fillStyle = rgba(p.glow, between(random, 0.03, 0.07));
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + Math.cos(angle - spread) * length, y + Math.sin(angle - spread) * length);
    ctx.lineTo(x + Math.cos(angle + spread) * length, y + Math.sin(angle + spread) * length);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

/** A ridge line: smooth sum of sines, optionally peaked (mountains). */
function ridge(random: Random, w: number, amplitude: number, peaked: boolean): (x: number) => number {
  const waves = [0, 1, 2].map((i) => ({
    f: between(random, 1.2, 2.6) * (i + 1) * (Math.PI / w),
    p: random() * Math.PI * 2,
    a: 1 / (i + 1.3),
  }));
  return (x) => {
    let v = 0;
    for (const wave of waves) {
      const s = Math.sin(x * wave.f + wave.p);
      v += wave.a * (peaked ? 1 - Math.abs(s) : s);
    }
    return v * amplitude;
  };
}

function hills(
  ctx: SKRSContext2D,
  random: Random,
  w: number,
  h: number,
  horizon: number,
  p: Palette,
): number {
  const layers = 4;
  let nearestTop = h;
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const base = horizon + t * (h - horizon) * 0.55;
    const amplitude = h * (0.07 - t * 0.035);
    const line = ridge(random, w, amplitude, i === 0);
    ctx.fillStyle = mix(p.far, p.near, t);
    ctx.beginPath();
    ctx.moveTo(0, h);
    for (let x = 0; x <= w + 8; x += 8) ctx.lineTo(x, base - line(x));
    ctx.lineTo(w, h);
    ctx.closePath();
    ctx.fill();
    // Haze between layers: distance reads as softer colour.
    const haze = ctx.createLinearGradient(0, base - amplitude, 0, base + h * 0.08);
    haze.addColorStop(0, rgba(p.skyBottom, 0));
    haze.addColorStop(0.45, rgba(p.skyBottom, 0.22 * (1 - t)));
    haze.addColorStop(1, rgba(p.skyBottom, 0));
    ctx.fillStyle = haze;
    ctx.fillRect(0, base - amplitude, w, amplitude + h * 0.08);
    if (i === layers - 1) nearestTop = base - line(w / 2);
  }
  return nearestTop;
}

function figure(ctx: SKRSContext2D, x: number, groundY: number, size: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(x, groundY - size * 0.88, size * 0.09, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(x - size * 0.13, groundY);
  ctx.quadraticCurveTo(x - size * 0.15, groundY - size * 0.55, x - size * 0.07, groundY - size * 0.76);
  ctx.lineTo(x + size * 0.07, groundY - size * 0.76);
  ctx.quadraticCurveTo(x + size * 0.15, groundY - size * 0.55, x + size * 0.13, groundY);
  ctx.closePath();
  ctx.fill();
}

function landscape(
  ctx: SKRSContext2D,
  random: Random,
  w: number,
  h: number,
  p: Palette,
  portrait: boolean,
): void {
  const horizon = h * (portrait ? between(random, 0.56, 0.68) : between(random, 0.58, 0.7));
  sky(ctx, w, h, horizon, p);
  if (p.night) stars(ctx, random, w, horizon);
  const sunX = w * between(random, 0.28, 0.72);
  const sunY = horizon - h * between(random, 0.08, 0.24);
  const sunR = Math.min(w, h) * between(random, 0.06, 0.11);
  rays(ctx, random, sunX, sunY, w, h, p);
  glowDisc(ctx, sunX, sunY, sunR, p);
  const groundY = hills(ctx, random, w, h, horizon, p);
  if (portrait && random() < 0.7) {
    figure(ctx, w * between(random, 0.38, 0.62), groundY + h * 0.004, h * 0.085, mix(p.near, '#000000', 0.5));
  }
}

function orbs(ctx: SKRSContext2D, random: Random, w: number, h: number, p: Palette): void {
  const background = ctx.createLinearGradient(0, 0, w * 0.4, h);
  background.addColorStop(0, p.skyTop);
  background.addColorStop(0.55, mix(p.skyBottom, p.near, 0.35));
  background.addColorStop(1, p.near);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, w, h);
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  const count = 26;
  for (let i = 0; i < count; i++) {
    const x = random() * w;
    const y = random() * h * 0.85;
    const r = Math.min(w, h) * between(random, 0.02, 0.22);
    const color = random() < 0.5 ? p.glow : p.accent;
    const gradient = ctx.createRadialGradient(x, y, 0, x, y, r);
    const alpha = between(random, 0.08, 0.32);
    gradient.addColorStop(0, rgba(color, alpha));
    gradient.addColorStop(0.7, rgba(color, alpha * 0.6));
    gradient.addColorStop(1, rgba(color, 0));
    ctx.fillStyle = gradient;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
  // A glowing ring as the focal point.
  const cx = w * between(random, 0.35, 0.65);
  const cy = h * between(random, 0.32, 0.48);
  const radius = Math.min(w, h) * between(random, 0.2, 0.3);
  for (let i = 6; i >= 0; i--) {
    ctx.strokeStyle = rgba(p.glow, i === 0 ? 0.9 : 0.05);
    ctx.lineWidth = i === 0 ? Math.max(2, radius * 0.02) : radius * 0.02 + i * radius * 0.03;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, Math.PI * 2);
    ctx.stroke();
  }
  const horizon = h * 0.82;
  const line = ridge(random, w, h * 0.025, false);
  ctx.fillStyle = mix(p.near, '#000000', 0.4);
  ctx.beginPath();
  ctx.moveTo(0, h);
  for (let x = 0; x <= w + 8; x += 8) ctx.lineTo(x, horizon - line(x));
  ctx.lineTo(w, h);
  ctx.closePath();
  ctx.fill();
}

function retro(ctx: SKRSContext2D, random: Random, w: number, h: number, p: Palette): void {
  const horizon = h * between(random, 0.6, 0.68);
  sky(ctx, w, h, horizon, p);
  if (p.night) stars(ctx, random, w, horizon * 0.8);
  const cx = w / 2;
  const r = Math.min(w, h) * between(random, 0.26, 0.34);
  const cy = horizon - r * 0.35;
  const halo = ctx.createRadialGradient(cx, cy, r * 0.8, cx, cy, r * 2.2);
  halo.addColorStop(0, rgba(p.glow, 0.35));
  halo.addColorStop(1, rgba(p.glow, 0));
  ctx.fillStyle = halo;
  ctx.fillRect(0, 0, w, horizon);
  // The striped sun is drawn on its own canvas so the cuts show the sky, not a hole.
  const size = Math.ceil(r * 2);
  const sunCanvas = createCanvas(size, size);
  const sctx = sunCanvas.getContext('2d');
  const sun = sctx.createLinearGradient(0, 0, 0, size);
  sun.addColorStop(0, p.glow);
  sun.addColorStop(1, p.accent);
  sctx.fillStyle = sun;
  sctx.beginPath();
  sctx.arc(r, r, r, 0, Math.PI * 2);
  sctx.fill();
  sctx.globalCompositeOperation = 'destination-out';
  for (let i = 0; i < 7; i++) {
    const y = r + r * (0.05 + i * 0.14);
    sctx.fillRect(0, y, size, r * 0.015 + i * r * 0.012);
  }
  ctx.drawImage(sunCanvas, cx - r, cy - r);
  // Floor with converging lines.
  const floor = ctx.createLinearGradient(0, horizon, 0, h);
  floor.addColorStop(0, mix(p.far, p.skyBottom, 0.3));
  floor.addColorStop(1, p.near);
  ctx.fillStyle = floor;
  ctx.fillRect(0, horizon, w, h - horizon);
  ctx.strokeStyle = rgba(p.glow, 0.22);
  ctx.lineWidth = Math.max(1, w / 600);
  for (let i = -10; i <= 10; i++) {
    ctx.beginPath();
    ctx.moveTo(cx + i * w * 0.02, horizon);
    ctx.lineTo(cx + i * w * 0.16, h);
    ctx.stroke();
  }
  for (let i = 1; i < 9; i++) {
    const y = horizon + (h - horizon) * (i / 9) ** 1.8;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(w, y);
    ctx.stroke();
  }
  const mist = ctx.createLinearGradient(0, horizon - h * 0.03, 0, horizon + h * 0.05);
  mist.addColorStop(0, rgba(p.skyBottom, 0));
  mist.addColorStop(0.5, rgba(p.skyBottom, 0.45));
  mist.addColorStop(1, rgba(p.skyBottom, 0));
  ctx.fillStyle = mist;
  ctx.fillRect(0, horizon - h * 0.03, w, h * 0.08);
}

function vignette(ctx: SKRSContext2D, w: number, h: number, strength: number): void {
  const gradient = ctx.createRadialGradient(
    w / 2,
    h * 0.45,
    Math.min(w, h) * 0.3,
    w / 2,
    h * 0.5,
    Math.max(w, h) * 0.78,
  );
  gradient.addColorStop(0, 'rgba(0,0,0,0)');
  gradient.addColorStop(1, `rgba(0,0,0,${strength})`);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, w, h);
}

function grain(ctx: SKRSContext2D, random: Random, w: number, h: number): void {
  const image = ctx.getImageData(0, 0, w, h);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    const n = (random() - 0.5) * 9;
    data[i] = Math.max(0, Math.min(255, data[i]! + n));
    data[i + 1] = Math.max(0, Math.min(255, data[i + 1]! + n));
    data[i + 2] = Math.max(0, Math.min(255, data[i + 2]! + n));
  }
  ctx.putImageData(image, 0, 0);
}

/** Font size that fits every line into maxWidth (and the line height into maxLineHeight). */
function fitFont(
  ctx: SKRSContext2D,
  role: FontRole,
  lines: string[],
  maxWidth: number,
  maxLineHeight: number,
): number {
  let size = maxLineHeight;
  ctx.font = font(role, size);
  const widest = Math.max(...lines.map((line) => ctx.measureText(line).width));
  if (widest > maxWidth) size = Math.floor((size * maxWidth) / widest);
  return Math.max(8, size);
}

function display(text: string, role: FontRole): string {
  return role === 'bebas' || role === 'oswald' || role === 'creepster' ? text.toUpperCase() : text;
}

function titleBlock(
  ctx: SKRSContext2D,
  asset: ArtAsset,
  random: Random,
  p: Palette,
  w: number,
  h: number,
): void {
  const family = genreFamily(asset.title.genres);
  const text = asset.text ?? asset.title.title;
  const role = fontFor(family, text);
  const lines = splitTitle(display(text, role));
  const portrait = h > w;
  const size = fitFont(ctx, role, lines, w * (portrait ? 0.84 : 0.5), portrait ? h * 0.1 : h * 0.13);
  ctx.font = font(role, size);
  ctx.textAlign = portrait ? 'center' : 'left';
  ctx.textBaseline = 'alphabetic';
  const top = portrait ? (random() < 0.5 ? h * 0.1 : h * 0.66) : h * 0.72 - lines.length * size * 0.5;
  const light = luminance(top < h / 2 ? p.skyTop : p.near) > 0.55;
  const x = portrait ? w / 2 : w * 0.06;
  ctx.shadowColor = light ? 'rgba(255,255,255,0.35)' : 'rgba(0,0,0,0.65)';
  ctx.shadowBlur = size * 0.25;
  ctx.fillStyle = light ? mix(p.near, '#000000', 0.2) : '#f7f1e3';
  lines.forEach((line, i) => {
    ctx.fillText(line, x, top + size * (i + 1) * 1.02);
  });
  ctx.shadowColor = 'rgba(0,0,0,0)';
  ctx.shadowBlur = 0;
  if (!portrait) return;
  // Billing block: rows of bars that read as credits from afar, without being glyphs.
  ctx.fillStyle = luminance(p.near) > 0.55 ? rgba(p.near, 0.5) : 'rgba(235,230,220,0.5)';
  const rowHeight = Math.max(4, h * 0.006);
  for (let row = 0; row < 3; row++) {
    const y = h * 0.93 + row * rowHeight * 2.1;
    const rowWidth = w * (row === 2 ? 0.45 : 0.74);
    let x0 = (w - rowWidth) / 2;
    while (x0 < (w + rowWidth) / 2) {
      const word = Math.min(between(random, w * 0.02, w * 0.07), (w + rowWidth) / 2 - x0);
      ctx.fillRect(x0, y, word, rowHeight);
      x0 += word + w * 0.008;
    }
  }
}

/** Poster / backdrop / season poster / still as JPEG bytes. */
export async function drawScene(asset: ArtAsset): Promise<Buffer> {
  const { width: w, height: h } = asset;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const random = seededRandom(asset.seed);
  const palette = paletteFor(genreFamily(asset.title.genres));
  const portrait = h > w;
  const pick = seededRandom(`${asset.seed}:scene`)();
  if (pick < 0.5) landscape(ctx, random, w, h, palette, portrait);
  else if (pick < 0.78) orbs(ctx, random, w, h, palette);
  else retro(ctx, random, w, h, palette);
  vignette(ctx, w, h, palette.night ? 0.55 : 0.35);
  if (asset.text !== null) titleBlock(ctx, asset, random, palette, w, h);
  grain(ctx, random, w, h);
  return canvas.encode('jpeg', 90);
}

/** A transparent PNG word-mark of the asset's text, filling its canvas. */
export async function drawLogo(asset: ArtAsset): Promise<Buffer> {
  const { width: w, height: h } = asset;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const family = genreFamily(asset.title.genres);
  const palette = paletteFor(family);
  const text = asset.text ?? asset.title.title;
  const role = fontFor(family, text);
  const lines = splitTitle(display(text, role));
  const lineHeight = (h * 0.86) / lines.length;
  const size = fitFont(ctx, role, lines, w * 0.94, lineHeight * 0.92);
  ctx.font = font(role, size);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const dark = asset.data.tone === 'dark';
  const fill = ctx.createLinearGradient(0, 0, 0, h);
  fill.addColorStop(0, dark ? '#1b1b1e' : '#ffffff');
  fill.addColorStop(1, dark ? '#38383d' : mix('#ffffff', palette.glow, 0.55));
  const blockHeight = size * 1.08 * lines.length;
  lines.forEach((line, i) => {
    const y = h / 2 - blockHeight / 2 + size * 1.08 * (i + 0.5);
    if (!dark) {
      ctx.lineWidth = Math.max(2, size * 0.035);
      ctx.strokeStyle = mix(palette.near, '#000000', 0.3, 0.55);
      ctx.strokeText(line, w / 2, y);
    }
    ctx.fillStyle = fill;
    ctx.fillText(line, w / 2, y);
  });
  return canvas.encode('png');
}

/** JPEG signature followed by garbage: served as image/jpeg, decodes nowhere. */
export function corruptJpeg(seed: string): Buffer {
  const random = seededRandom(`corrupt:${seed}`);
  const garbage = Buffer.alloc(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = Math.floor(random() * 256);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
    garbage,
  ]);
}

export async function renderOriginal(asset: ArtAsset): Promise<Buffer> {
  if (asset.data.corrupt) return corruptJpeg(asset.seed);
  return asset.kind === 'logo' ? drawLogo(asset) : drawScene(asset);
}
