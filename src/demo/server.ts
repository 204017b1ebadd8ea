/**
 * The offline fake upstream: one loopback node:http server imitating TMDB v3, the TMDB image CDN, MDBList,
 * a Stremio stream addon, AIOStreams and Arctic Shift, with fault injection and a request log.
 *
 *   /tmdb/3/…              TMDB API base          /tmdb-images/t/p/{size}/{file}   image base
 *   /mdblist/…             MDBList API base       /addon/manifest.json, /addon/stream/{type}/{id}.json
 *   /aiostreams/api/v1/search                     /arctic/api/posts/search
 *   /metahub/logo/{size}/{imdb}/img               Metahub logos by IMDb id
 *   /_control/faults       the fault switch, loopback callers only (control.ts)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { aiostreamsRoute } from './addon/aiostreams.ts';
import { addonRoute } from './addon/routes.ts';
import { arcticRoute } from './arctic.ts';
import { ImageService } from './art/images.ts';
import { type Clock, makeClock } from './clock.ts';
import { CONTROL_PREFIX, controlRoute } from './control.ts';
import { type FaultConfig, FaultController } from './faults.ts';
import { htmlError, json, type Reply, type RouteRequest, type ServiceName } from './http.ts';
import { MdblistService } from './mdblist.ts';
import { metahubRoute } from './metahub.ts';
import { registry as defaultRegistry, publicImdbId, type Registry } from './registry.ts';
import { RequestLog } from './requestLog.ts';
import { tmdbError, tmdbRoute } from './tmdb/routes.ts';

export interface FakeUpstreamOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  faults?: FaultConfig;
  /** The fake's clock for relative catalogue dates ("in cinemas now"); default: the wall clock. */
  now?: Date | (() => Date);
  /** How many recent requests the log keeps (default 500). */
  requestLogLimit?: number;
}

export interface FakeUpstreamUrls {
  /** TMDB_API_BASE: `${tmdbApiBase}/movie/550?api_key=…`. */
  tmdbApiBase: string;
  /** Image base: `${tmdbImageBase}/w500/abc.jpg`. */
  tmdbImageBase: string;
  mdblistApiBase: string;
  /** The stream addon as a user pastes it (manifest URL). */
  scraperUrl: string;
  /** The same addon without `/manifest.json`. */
  addonBase: string;
  aiostreamsUrl: string;
  arcticShiftBase: string;
  /** Metahub image base: `${metahubBase}/logo/medium/tt…/img`. */
  metahubBase: string;
}

export interface FakeUpstream {
  origin: string;
  urls: FakeUpstreamUrls;
  faults: FaultController;
  requests: RequestLog;
  registry: Registry;
  close(): Promise<void>;
}

const MOUNTS: readonly [prefix: string, service: ServiceName][] = [
  ['/tmdb/3', 'tmdb'],
  ['/tmdb-images/t/p', 'images'],
  ['/mdblist', 'mdblist'],
  ['/addon', 'addon'],
  ['/aiostreams', 'aiostreams'],
  ['/arctic', 'arctic'],
  ['/metahub', 'metahub'],
];

const MAX_URL = 8192;

function mountOf(pathname: string): { service: ServiceName; rest: string } | null {
  for (const [prefix, service] of MOUNTS) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`))
      return { service, rest: pathname.slice(prefix.length) };
  }
  return null;
}

/** The error body a service would send with a status. */
function faultReply(service: ServiceName, status: number, retryAfter?: number): Reply {
  if (status === 502) return htmlError(502, 'Bad Gateway');
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  let reply: Reply;
  if (service === 'tmdb') {
    const messages: Record<number, [number, string]> = {
      401: [7, 'Invalid API key: You must be granted a valid key.'],
      404: [34, 'The resource you requested could not be found.'],
      429: [25, 'Your request count (#) is over the allowed limit of (40).'],
      503: [9, 'Service offline: This service is temporarily offline, try again later.'],
      504: [24, 'Your request to the backend server timed out. Try again.'],
    };
    const [code, message] = messages[status] ?? [11, 'Internal error: Something went wrong, contact TMDb.'];
    reply = tmdbError(status, code, message);
  } else if (service === 'aiostreams') {
    reply = json(status, {
      success: false,
      detail: null,
      error: { code: `HTTP_${status}`, message: 'Upstream failure' },
    });
  } else {
    reply = json(status, { error: status === 429 ? 'API Limit Reached!' : `Upstream error ${status}` });
  }
  if (service === 'mdblist' && status === 429) {
    Object.assign(headers, { 'x-ratelimit-limit': '10000', 'x-ratelimit-remaining': '0' });
  }
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

function index(origin: string, urls: FakeUpstreamUrls, registry: Registry): Reply {
  return json(200, {
    name: 'Posters+ fake upstream (demo mode)',
    urls,
    origin,
    catalogue: registry.titles.map((title) => ({
      kind: title.kind,
      tmdb_id: title.tmdbId,
      imdb_id: publicImdbId(title),
      title: title.title,
      note: title.note,
    })),
  });
}

/** A small request body as text, or null past 16 KB (the control route's JSON is a few bytes). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16 * 1024) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function truncate(body: Buffer): Buffer {
  return body.subarray(0, Math.max(1, Math.floor(body.length * 0.4)));
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const host = options.host ?? '127.0.0.1';
  const registry = defaultRegistry;
  const clock: Clock = makeClock(options.now);
  const faults = new FaultController(options.faults);
  const requests = new RequestLog(options.requestLogLimit);
  const mdblist = new MdblistService(registry);
  const images = new ImageService(registry);
  const closing = new AbortController();
  const sockets = new Set<Socket>();
  let origin = '';
  let urls: FakeUpstreamUrls | undefined;

  const route = async (service: ServiceName, request: RouteRequest): Promise<Reply> => {
    switch (service) {
      case 'tmdb':
        return tmdbRoute(request, registry);
      case 'images':
        return images.route(request);
      case 'mdblist':
        return mdblist.route(request);
      case 'addon':
        return addonRoute(request, registry);
      case 'aiostreams':
        return aiostreamsRoute(request, registry);
      case 'arctic':
        return arcticRoute(request, registry);
      case 'metahub':
        return metahubRoute(request, registry, images);
    }
  };

  const send = (req: IncomingMessage, res: ServerResponse, reply: Reply): void => {
    if (res.destroyed || res.headersSent) return;
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  };

  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      const done = (completed: boolean) => {
        clearTimeout(timer);
        res.off('close', onClose);
        closing.signal.removeEventListener('abort', onClose);
        resolve(completed);
      };
      const onClose = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      res.once('close', onClose);
      closing.signal.addEventListener('abort', onClose, { once: true });
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const rawUrl = req.url ?? '/';
    const method = req.method ?? 'GET';
    const pathname = rawUrl.split('?')[0] ?? '/';
    const mount = mountOf(pathname);
    const record = requests.start(method, rawUrl, mount?.service ?? null);
    const finish = (reply: Reply) => {
      send(req, res, reply);
      record.status = reply.status;
      record.durationMs = Math.round(performance.now() - started);
    };
    if (rawUrl.length > MAX_URL) return finish(json(414, { error: 'URI too long' }));
    let url: URL;
    try {
      url = new URL(rawUrl, origin);
    } catch {
      return finish(json(400, { error: 'Malformed request URL' }));
    }
    if (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      const body = await readBody(req);
      if (body === null) return finish(json(413, { error: 'body over 16 KB' }));
      return finish(
        controlRoute(
          {
            method,
            path: pathname.slice(CONTROL_PREFIX.length),
            remoteAddress: req.socket.remoteAddress,
            body,
          },
          faults,
        ),
      );
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const reply = json(405, { error: 'Method not allowed' });
      return finish({ ...reply, headers: { ...reply.headers, allow: 'GET, HEAD' } });
    }
    if (!mount) {
      if (url.pathname === '/' && urls) return finish(index(origin, urls, registry));
      if (url.pathname === '/health') return finish(json(200, { ok: true }));
      return finish(json(404, { error: 'Not found' }));
    }
    const decision = faults.decide(mount.service);
    if (decision.action?.type === 'drop') {
      req.socket.destroy();
      return;
    }
    // A hung request is answered by nobody: the client times out, or close() destroys the socket.
    if (decision.action?.type === 'hang') return;
    if (decision.latencyMs > 0 && !(await wait(decision.latencyMs, res))) return;
    let reply: Reply;
    if (decision.action?.type === 'status') reply = faultReply(mount.service, decision.action.status);
    else if (decision.action?.type === 'rateLimit') {
      reply = faultReply(mount.service, 429, decision.action.retryAfter);
    } else {
      try {
        reply = await route(mount.service, {
          method,
          path: mount.rest,
          query: url.searchParams,
          headers: req.headers,
          now: clock(),
          origin,
        });
      } catch (error) {
        process.stderr.write(`fake upstream: ${mount.service} ${url.pathname} failed: ${String(error)}\n`);
        reply = json(500, { error: 'Fake upstream internal error' });
      }
      if (
        reply.status === 200 &&
        ((reply.image && decision.brokenImage) || (!reply.image && decision.brokenJson))
      ) {
        reply = { ...reply, body: truncate(reply.body) };
      }
    }
    finish(reply);
  };

  const server: Server = createServer({ maxHeaderSize: 32 * 1024 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`fake upstream: unhandled ${String(error)}\n`);
      if (!res.headersSent) send(req, res, json(500, { error: 'Fake upstream internal error' }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({ error: tooLarge ? 'Request header fields too large' : 'Bad request' });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake upstream: no TCP address');
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  urls = {
    tmdbApiBase: `${origin}/tmdb/3`,
    tmdbImageBase: `${origin}/tmdb-images/t/p`,
    mdblistApiBase: `${origin}/mdblist`,
    scraperUrl: `${origin}/addon/manifest.json`,
    addonBase: `${origin}/addon`,
    aiostreamsUrl: `${origin}/aiostreams`,
    arcticShiftBase: `${origin}/arctic`,
    metahubBase: `${origin}/metahub`,
  };

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
    return closed;
  };

  return { origin, urls, faults, requests, registry, close };
}
