/**
 * Secret redaction for anything that leaves the process as text (log lines, error bodies).
 * Two nets: query-style `name=value` pairs of the secret parameter names, and the literal values of
 * configured secrets wherever they appear (a key can surface inside an upstream URL in a stack trace).
 */

export const SECRET_PARAM_NAMES = ['tmdb_key', 'mdblist_key', 'access_key', 'api_key', 'apikey'] as const;

export const REDACTED = '[REDACTED]';

// name=value inside URLs, query strings or free text; the value ends at a delimiter a URL or a JSON
// string could put after it. Percent-encoded names (api%5Fkey) are not a concern: clients send them plain.
const PAIR = new RegExp(`\\b(${SECRET_PARAM_NAMES.join('|')})(=|%3D)([^&\\s"'\\\\<>#]+)`, 'gi');
// Authorization headers echoed in error text ("Authorization: Bearer xyz", "Basic xyz").
const AUTH = /\b(authorization["']?\s*[:=]\s*["']?(?:bearer|basic)\s+)([A-Za-z0-9._~+/=-]+)/gi;

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(PAIR, (_m, name: string, eq: string) => `${name}${eq}${REDACTED}`);
  out = out.replace(AUTH, (_m, prefix: string) => `${prefix}${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const list = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => redactText(text, list);
}
