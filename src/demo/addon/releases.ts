/**
 * Realistic release names and Stremio stream objects built from a title's StreamData, in the shapes of
 * fixtures/upstream/streams (Torrentio-style `title`, Comet-style `description`, missing filenames …).
 */
import type { CatalogueTitle, StreamData } from '../catalogueTypes.ts';
import { hex40 } from '../hash.ts';

/** Which release a stream request asks for: a movie, one episode, or a whole show (season packs). */
export type StreamTarget =
  | { kind: 'movie' }
  | { kind: 'episode'; season: number; episode: number }
  | { kind: 'show'; lastSeason: number };

function ascii(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, '');
}

function dotted(text: string): string {
  return ascii(text)
    .replace(/[^A-Za-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function year(title: CatalogueTitle, now: Date): string {
  return /^\d{4}/.exec(title.date)?.[0] ?? String(now.getUTCFullYear());
}

/** The part after the title: '.2010' for a movie, '.S01E01' / '.S01-S05' for series. */
function marker(title: CatalogueTitle, target: StreamTarget, now: Date): string {
  if (target.kind === 'episode') return `S${pad(target.season)}E${pad(target.episode)}`;
  if (target.kind === 'show') return target.lastSeason > 1 ? `S01-S${pad(target.lastSeason)}` : 'S01';
  return year(title, now);
}

export function releaseName(
  title: CatalogueTitle,
  data: StreamData,
  target: StreamTarget,
  now: Date,
): string {
  const name = dotted(title.title);
  const when = marker(title, target, now);
  const hdr = data.hdr?.length ? `.${data.hdr.join('.')}` : '';
  const audio = data.audio ? `.${data.audio}` : '';
  const pack = target.kind === 'show' ? '.COMPLETE' : '';
  switch (data.source) {
    case 'REMUX':
      return data.res === '2160p'
        ? `${name}.${when}${pack}.UHD.BluRay.2160p${audio}${hdr}.${data.codec}.REMUX-${data.group}`
        : `${name}.${when}${pack}.${data.res}.BluRay.REMUX.${data.codec}${audio}-${data.group}`;
    case 'WEB-DL':
      return `${name}.${when}${pack}.${data.res}.${data.service ?? 'WEB'}.WEB-DL${audio}${hdr}.${data.codec}-${data.group}`;
    case 'WEBRip':
      return `${ascii(title.title)} (${when}) [${data.res}] [WEBRip] [${data.codec}] [${data.audio ?? 'AAC'}] [${data.group}]`;
    case 'BluRay':
      return `${name}.${when}${pack}.${data.res}.BluRay${hdr}.${data.codec}${audio}-${data.group}`;
    case 'DVDRip':
      return `${ascii(title.title)} ${when} DVDRip ${data.codec} ${data.audio ?? ''} [${data.group}]`.replace(
        /\s+/g,
        ' ',
      );
    case 'HDTV':
      return `${name}.${when}.HDTV.${data.codec}-${data.group}`;
  }
}

/** Torrentio's quality line: '4k DV | HDR', '1080p', 'DVDRip'. */
function qualityLine(data: StreamData): string {
  if (data.source === 'DVDRip') return 'DVDRip';
  const res = data.res === '2160p' ? '4k' : data.res;
  const visual: string[] = [];
  if (data.hdr?.includes('DV')) visual.push('DV');
  if (data.hdr?.some((tag) => tag.startsWith('HDR'))) visual.push('HDR');
  return visual.length > 0 ? `${res} ${visual.join(' | ')}` : res;
}

function size(gb: number): string {
  return gb >= 1 ? `${gb.toFixed(2)} GB` : `${(gb * 1024).toFixed(1)} MB`;
}

const SITES = ['TorrentGalaxy', '1337x', 'ThePirateBay', 'RARBG'];
const FLAGS: Readonly<Record<string, string>> = {
  ko: '🇰🇷',
  ja: '🇯🇵',
  fr: '🇫🇷',
  de: '🇩🇪',
  es: '🇪🇸',
  it: '🇮🇹',
};

function scale(data: StreamData, target: StreamTarget): number {
  // Episodes are a slice of the season-pack size listed in the catalogue.
  if (target.kind === 'episode') return Math.max(0.2, data.sizeGb / 8);
  if (target.kind === 'show') return data.sizeGb * target.lastSeason * 6;
  return data.sizeGb;
}

export interface StremioStream {
  name: string;
  title?: string;
  description?: string;
  infoHash?: string;
  fileIdx?: number;
  behaviorHints?: { bingeGroup?: string; filename?: string; videoSize?: number };
}

/** Stream objects in three house styles, cycling per release so clients meet each shape. */
export function streamObjects(title: CatalogueTitle, target: StreamTarget, now: Date): StremioStream[] {
  return title.streams.map((data, index) => {
    const release = releaseName(title, data, target, now);
    const hash = hex40(`${title.imdbId}:${index}:${JSON.stringify(target)}`);
    const gb = scale(data, target);
    const seeders = target.kind === 'episode' ? Math.max(1, Math.round(data.seeders / 3)) : data.seeders;
    const flag = FLAGS[title.originalLanguage];
    const languageLine = flag ? `\nMulti Subs / 🇬🇧 / ${flag}` : '';
    const codec = data.codec.toLowerCase().replace('.', '');
    const source = data.source === 'REMUX' ? 'BluRay REMUX' : data.source;
    const filename = `${release}.mkv`;
    switch (index % 3) {
      case 1:
        return {
          name: `[TORRENT🧲] DemoComet ${data.res}`,
          description: `${filename}\n💿 ${source}|${codec}|${data.audio ?? 'AAC'}|${data.group}\n💾 ${size(gb)} 🔎 DMM${flag ? `\n${flag}` : '\n🇬🇧'}`,
          infoHash: hash,
          fileIdx: 0,
          behaviorHints: { bingeGroup: `comet|${hash}`, filename, videoSize: Math.round(gb * 1024 ** 3) },
        };
      case 2:
        // No fileIdx and no filename: both are optional in the wild.
        return {
          name: `DemoStreams\n${qualityLine(data)}`,
          title: `${release}\n👤 ${seeders} 💾 ${size(gb)} ⚙️ ${SITES[index % SITES.length]}${languageLine}`,
          infoHash: hash,
          behaviorHints: { bingeGroup: `demostreams|${qualityLine(data).split(' ')[0]}|${source}|${codec}` },
        };
      default:
        return {
          name: `DemoStreams\n${qualityLine(data)}`,
          title: `${release}\n👤 ${seeders} 💾 ${size(gb)} ⚙️ ${SITES[index % SITES.length]}${languageLine}`,
          infoHash: hash,
          fileIdx: 0,
          behaviorHints: {
            bingeGroup: `demostreams|${qualityLine(data).split(' ')[0]}|${source}|${codec}${data.hdr?.includes('DV') ? '|DV' : ''}`,
            filename,
          },
        };
    }
  });
}
