/**
 * Startup failures of a configured backend (unreachable server, missing bucket, bad URL). main.ts
 * exits 2 on this error, so its message is written for an operator: it names the variable to fix and
 * never contains a password or key (URLs go through redactUrl first).
 */
export class BackendUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackendUnavailableError';
  }
}

const SECRET_PARAM = /pass|secret|token|key|auth|cred/i;

/** `scheme://user:***@host:port/path` — the URL with its password (and any query) masked, for messages. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(unparseable URL)';
  }
  if (url.password) url.password = '***';
  // Query strings can carry credentials too (unix://…?password=…).
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, '***');
  }
  return url.toString();
}

/**
 * Makes a driver's error text safe to show: removes every literal secret (password, raw URL) it might
 * echo, and caps the length. Drivers rarely echo passwords, but "rarely" is not a guarantee.
 */
export function scrubMessage(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

export function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map((inner) => errorText(inner)).join('; ');
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The two log levels adapters use for runtime trouble; a pino logger fits. */
export interface AdapterLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}
