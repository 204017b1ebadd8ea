/**
 * REDIS_URL → ioredis connection options. ioredis parses redis:// itself but not unix://, and its
 * errors would quote the URL; parsing here gives one grammar for all three schemes and messages that
 * never contain the password:
 *
 *   redis://[[user]:password@]host[:port][/db]      plain TCP (port 6379, db 0 by default)
 *   rediss://…                                       the same over TLS
 *   unix:///path/to/redis.sock[?db=N&password=…]    a local socket (unix://[user:pw@]localhost/path too)
 *
 * `?db=` and `?password=` work on every scheme; the path's db wins over `?db=`.
 */

export interface RedisConnection {
  host?: string;
  port?: number;
  path?: string;
  username?: string;
  password?: string;
  db: number;
  tls?: { servername?: string };
}

export function parseRedisUrl(raw: string): RedisConnection {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('not a URL (expected redis://, rediss:// or unix://)');
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme !== 'redis' && scheme !== 'rediss' && scheme !== 'unix') {
    throw new Error(
      `unsupported scheme ${JSON.stringify(scheme.slice(0, 16))} (expected redis, rediss or unix)`,
    );
  }

  const connection: RedisConnection = { db: 0 };
  const username = decode(url.username, 'user name');
  const password = decode(url.password, 'password') || url.searchParams.get('password') || '';
  if (username) connection.username = username;
  if (password) connection.password = password;
  const queryDb = url.searchParams.get('db');
  if (queryDb !== null) connection.db = parseDb(queryDb);

  if (scheme === 'unix') {
    // unix://tmp/redis.sock would silently mean host "tmp"; only an empty host or localhost is a socket URL.
    if (url.hostname !== '' && url.hostname !== 'localhost') {
      throw new Error('unix:// URLs need an absolute socket path: unix:///path/to/redis.sock');
    }
    const path = decode(url.pathname, 'socket path');
    if (path.length < 2) throw new Error('unix:// URL has no socket path');
    connection.path = path;
    return connection;
  }

  if (!url.hostname) throw new Error('URL has no host');
  // WHATWG keeps the brackets of an IPv6 literal; the socket API wants the bare address.
  connection.host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  connection.port = url.port ? Number(url.port) : 6379;
  const pathDb = url.pathname.replace(/^\/+|\/+$/g, '');
  if (pathDb) connection.db = parseDb(pathDb);
  if (scheme === 'rediss') {
    // SNI takes a host name only; for an IP address the certificate is checked against the IP.
    connection.tls = /^[\d.]+$|:/.test(connection.host) ? {} : { servername: connection.host };
  }
  return connection;
}

function parseDb(text: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new Error('database number must be a whole number (e.g. /0)');
  return Number(text);
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Error(`${what} has a broken percent-escape`);
  }
}
