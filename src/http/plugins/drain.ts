import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * How long a keep-alive connection must have been quiet before the drain closes it. Closing a socket
 * the instant its client writes the next request is what a client sees as ECONNRESET; a client in the
 * middle of a burst sends that request within milliseconds of the previous answer, so a connection
 * answered this recently gets one more request (answered with `Connection: close`) instead of a reset.
 */
export const DRAIN_QUIET_MS = 1000;

interface ConnectionState {
  /** Requests received and not yet answered (more than one only when the client pipelines). */
  busy: number;
  /** When the connection last finished an answer (or opened). */
  quietSince: number;
}

/** What the drain does with a connection: close it now, leave it to its answer, or look again later. */
export function drainStep(
  state: ConnectionState,
  now: number,
  quietMs = DRAIN_QUIET_MS,
): 'close' | 'busy' | { recheckInMs: number } {
  if (state.busy > 0) return 'busy';
  const quietFor = now - state.quietSince;
  return quietFor >= quietMs ? 'close' : { recheckInMs: quietMs - quietFor };
}

/**
 * Drain without resets. Once `app.close()` begins (SIGTERM):
 * - every answer still to be sent says `Connection: close`, so the client opens a new connection (to
 *   another replica or worker) instead of reusing this one, and Node closes the socket after it;
 * - requests still arriving on an open connection are served, not refused with a 503 (the drain waits
 *   for them anyway, and each answer closes its connection);
 * - idle keep-alive connections are closed at once when they have been quiet for DRAIN_QUIET_MS, the
 *   others as soon as they reach it (replacing Node's own close-every-idle-socket-now in server.close()).
 */
export function registerDrain(app: FastifyInstance): void {
  const server: Server = app.server;
  const connections = new Map<Socket, ConnectionState>();
  let draining = false;

  const step = (socket: Socket) => {
    const state = connections.get(socket);
    if (!state) return; // already closed
    const next = drainStep(state, Date.now());
    if (next === 'close') socket.destroy();
    else if (next !== 'busy') setTimeout(step, next.recheckInMs, socket).unref();
  };

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: 0, quietSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (request, response) => {
    const state = connections.get(request.socket);
    if (!state) return;
    state.busy += 1;
    response.once('close', () => {
      state.busy -= 1;
      state.quietSince = Date.now();
      // An answer whose headers left before the drain promised keep-alive: close once quiet.
      if (draining) step(request.socket);
    });
  });

  // server.close() calls this to drop every idle socket at once; during the drain, the quiet rule
  // above decides instead. Outside the drain (an operator or test calling it) Node's behaviour stands.
  const closeIdleNow = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => {
    if (!draining) return closeIdleNow();
    for (const socket of connections.keys()) step(socket);
  };

  // preClose runs after fastify stops routing as usual and before it closes the listening socket.
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (draining && request.raw.httpVersionMajor === 1) reply.header('connection', 'close');
    return payload;
  });
}
