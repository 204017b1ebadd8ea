/**
 * Starts the fake upstream for manual testing:
 *   npx node src/demo/cli.ts [--port 9000] [--host 127.0.0.1]
 * Prints the base URLs (as env-var lines) and the catalogue, then serves until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { publicImdbId } from './registry.ts';
import { startFakeUpstream } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9000' },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write('usage: node src/demo/cli.ts [--port 9000] [--host 127.0.0.1]\n');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`invalid --port: ${values.port}\n`);
  process.exit(2);
}

const upstream = await startFakeUpstream({ port, host: values.host });
const { urls } = upstream;
const lines = [
  `Posters+ fake upstream listening on ${upstream.origin}`,
  '',
  `TMDB_API_BASE=${urls.tmdbApiBase}`,
  `TMDB image base: ${urls.tmdbImageBase}`,
  `MDBLIST_API_BASE=${urls.mdblistApiBase}`,
  `Stream addon (scraper): ${urls.scraperUrl}`,
  `AIOSTREAMS_URL=${urls.aiostreamsUrl}`,
  `Arctic Shift base: ${urls.arcticShiftBase}`,
  '',
  'Any non-empty api_key / apikey works (the literal "invalid" is rejected). Catalogue:',
  ...upstream.registry.titles.map(
    (t) =>
      `  ${(publicImdbId(t) ?? '(no imdb)').padEnd(11)} ${t.kind.padEnd(5)} ${String(t.tmdbId).padEnd(8)} ${t.title} — ${t.note}`,
  ),
  '',
  `Try: curl '${urls.tmdbApiBase}/movie/278?api_key=demo&append_to_response=images'`,
];
process.stdout.write(`${lines.join('\n')}\n`);

const stop = () => {
  upstream.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
