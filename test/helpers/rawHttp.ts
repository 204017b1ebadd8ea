import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, as received. */
  raw: string;
  /** True when the server closed the connection (FIN or reset) after answering. */
  closed: boolean;
}

/**
 * Writes bytes exactly as given to a fresh TCP connection (nothing a client library would refuse or
 * repair) and reads one HTTP/1.1 answer: up to its Content-Length, or until the server closes.
 */
export function rawRequest(origin: string, bytes: Buffer | string, waitMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let closed = false;
    let keptOpen = false;
    const finish = () => {
      clearTimeout(timer);
      const raw = received.toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      if (split < 0) {
        reject(new Error(`no HTTP answer (closed=${closed}): ${JSON.stringify(raw.slice(0, 200))}`));
        return;
      }
      const [statusLine = '', ...lines] = raw.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(split + 4), raw, closed });
    };
    const complete = () => {
      const text = received.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return false;
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, split + 2));
      return length !== null && received.length >= split + 4 + Number(length[1]);
    };
    const timer = setTimeout(() => {
      keptOpen = true;
      socket.destroy();
      finish();
    }, waitMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
    });
    // Wait for the close too when the answer is complete: tells whether the server ended the connection.
    socket.on('close', () => {
      closed = !keptOpen;
      finish();
    });
    socket.on('error', () => {}); // a reset after the answer still leaves the answer to inspect
    socket.on('data', () => {
      if (complete() && !socket.destroyed) {
        // Give the server a moment to close; if it keeps the connection, stop waiting.
        setTimeout(() => {
          keptOpen = true;
          socket.destroy();
        }, 300).unref();
      }
    });
    socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  });
}
