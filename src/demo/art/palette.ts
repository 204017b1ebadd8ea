/** Genre families and their colour palettes for the procedural art. */

export interface Palette {
  /** Sky, top to horizon. */
  skyTop: string;
  skyBottom: string;
  /** Land layers, far to near. */
  far: string;
  near: string;
  /** Sun / moon / light sources. */
  glow: string;
  /** A second light colour for bokeh and rims. */
  accent: string;
  /** Stars in the sky (dark palettes). */
  night: boolean;
}

/** First matching genre id wins (close to the reference's GENRE_PRIORITY; animation ranks above fantasy for colour). */
const PRIORITY: [number, string][] = [
  [27, 'horror'],
  [53, 'thriller'],
  [9648, 'mystery'],
  [878, 'scifi'],
  [10765, 'scifi'],
  [80, 'crime'],
  [35, 'comedy'],
  [10749, 'romance'],
  [16, 'animation'],
  [10751, 'family'],
  [14, 'fantasy'],
  [28, 'action'],
  [10759, 'action'],
  [36, 'history'],
  [10402, 'music'],
  [10752, 'war'],
  [37, 'western'],
  [99, 'documentary'],
  [18, 'drama'],
  [12, 'adventure'],
];

export function genreFamily(genreIds: readonly number[]): string {
  for (const [id, family] of PRIORITY) if (genreIds.includes(id)) return family;
  return 'drama';
}

const PALETTES: Readonly<Record<string, Palette>> = {
  horror: {
    skyTop: '#07030a',
    skyBottom: '#4a0c18',
    far: '#2a0810',
    near: '#0a0205',
    glow: '#ff5a4a',
    accent: '#8a1c2c',
    night: true,
  },
  thriller: {
    skyTop: '#041014',
    skyBottom: '#1d5d63',
    far: '#0f3338',
    near: '#03100f',
    glow: '#b9f2e0',
    accent: '#3fb8a8',
    night: true,
  },
  mystery: {
    skyTop: '#0a0820',
    skyBottom: '#4a3588',
    far: '#241a4d',
    near: '#0a0818',
    glow: '#e2d4ff',
    accent: '#8f6bff',
    night: true,
  },
  scifi: {
    skyTop: '#030716',
    skyBottom: '#1f3c8f',
    far: '#132659',
    near: '#040818',
    glow: '#7ff0ff',
    accent: '#d65bff',
    night: true,
  },
  crime: {
    skyTop: '#0b0a0d',
    skyBottom: '#5a2516',
    far: '#2a130c',
    near: '#080404',
    glow: '#ffbf5e',
    accent: '#c9582a',
    night: true,
  },
  comedy: {
    skyTop: '#ffe08a',
    skyBottom: '#ff9a6b',
    far: '#e9735a',
    near: '#a9463f',
    glow: '#fffbe0',
    accent: '#ffd0e0',
    night: false,
  },
  romance: {
    skyTop: '#ffc9d6',
    skyBottom: '#e8739b',
    far: '#a8406b',
    near: '#4f1a37',
    glow: '#fff0f4',
    accent: '#ffd89e',
    night: false,
  },
  fantasy: {
    skyTop: '#160a33',
    skyBottom: '#7d4bb8',
    far: '#3b2370',
    near: '#120828',
    glow: '#ffe09a',
    accent: '#ff9ad5',
    night: true,
  },
  animation: {
    skyTop: '#7cc8ff',
    skyBottom: '#ffd1e3',
    far: '#86c98f',
    near: '#2f7d55',
    glow: '#fffbe6',
    accent: '#ff8fb1',
    night: false,
  },
  family: {
    skyTop: '#8fd0ff',
    skyBottom: '#ffe3b3',
    far: '#9acb7a',
    near: '#4c8a45',
    glow: '#fffbe6',
    accent: '#ffb56b',
    night: false,
  },
  action: {
    skyTop: '#1a0c08',
    skyBottom: '#d2542a',
    far: '#6b2412',
    near: '#1a0905',
    glow: '#ffd08a',
    accent: '#ff7a3d',
    night: false,
  },
  history: {
    skyTop: '#2c1e10',
    skyBottom: '#b8773a',
    far: '#6b4520',
    near: '#24160a',
    glow: '#f6dcaa',
    accent: '#e0a458',
    night: false,
  },
  documentary: {
    skyTop: '#9cc2d6',
    skyBottom: '#f1e6d0',
    far: '#7b8d94',
    near: '#39474d',
    glow: '#fffaf0',
    accent: '#e7b27a',
    night: false,
  },
  drama: {
    skyTop: '#0f1a36',
    skyBottom: '#7a7fb0',
    far: '#353f66',
    near: '#10162a',
    glow: '#ffd29a',
    accent: '#f29e8e',
    night: false,
  },
  adventure: {
    skyTop: '#103e55',
    skyBottom: '#f3a862',
    far: '#2f6156',
    near: '#10302a',
    glow: '#fff0c4',
    accent: '#ffcf7a',
    night: false,
  },
};

const ALIASES: Readonly<Record<string, string>> = { music: 'romance', war: 'history', western: 'history' };

export function paletteFor(family: string): Palette {
  return PALETTES[family] ?? PALETTES[ALIASES[family] ?? 'drama'] ?? (PALETTES.drama as Palette);
}

/** Mixes two #rrggbb colours (t = 0 → a, 1 → b) into an rgba() string. */
export function mix(a: string, b: string, t: number, alpha = 1): string {
  const pa = parse(a);
  const pb = parse(b);
  const c = pa.map((v, i) => Math.round(v + ((pb[i] ?? v) - v) * t));
  return `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;
}

export function rgba(color: string, alpha: number): string {
  const [r, g, b] = parse(color);
  return `rgba(${r},${g},${b},${alpha})`;
}

function parse(color: string): [number, number, number] {
  const hex = color.replace('#', '');
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
