/**
 * Flips the demo upstream's fault switch from a shell (see docs/OPERATIONS.md "Reproducing an outage"):
 *
 *   npm run demo:fault -- --upstream http://127.0.0.1:PORT mdblist hang
 *   npm run demo:fault -- --upstream http://127.0.0.1:PORT tmdb status 503
 *   npm run demo:fault -- --upstream http://127.0.0.1:PORT reset
 *
 * PORT is the `demo_upstream` origin the service logs at boot in demo mode (or DEMO_UPSTREAM=…).
 */
import { parseArgs } from 'node:util';
import { SERVICES } from '../src/demo/http.ts';

const USAGE = `usage: npm run demo:fault -- [--upstream URL] <command>
  list                              every service's current rule
  reset [service]                   clear one rule, or all
  <service> hang | drop | broken-json | broken-image
  <service> status <code>           answer every request with this status (e.g. 503)
  <service> latency <ms>            delay every answer
  <service> rate-limit <seconds>    answer 429 with Retry-After
  <service> fail-next <n> [code]    fail the next n requests (default 503), then recover
services: ${SERVICES.join(', ')}
--upstream defaults to $DEMO_UPSTREAM: the demo_upstream origin the service logs at boot.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    upstream: { type: 'string', default: process.env.DEMO_UPSTREAM ?? '' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function integer(raw: string | undefined, what: string): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value)) fail(`${what} must be an integer`);
  return value;
}

/** The HTTP call a command line stands for. */
function request(args: string[]): { method: string; path: string; body?: Record<string, unknown> } {
  const [first, verb, arg, extra] = args;
  if (first === undefined || first === 'list') return { method: 'GET', path: '/faults' };
  if (first === 'reset') return { method: 'DELETE', path: verb ? `/faults/${verb}` : '/faults' };
  if (!(SERVICES as readonly string[]).includes(first)) fail(`unknown service or command: ${first}`);
  const patch = (body: Record<string, unknown>) => ({ method: 'POST', path: `/faults/${first}`, body });
  switch (verb) {
    case 'hang':
      return patch({ hang: true });
    case 'drop':
      return patch({ drop: true });
    case 'broken-json':
      return patch({ brokenJson: true });
    case 'broken-image':
      return patch({ brokenImage: true });
    case 'status':
      return patch({ status: integer(arg, 'status') });
    case 'latency':
      return patch({ latencyMs: integer(arg, 'latency') });
    case 'rate-limit':
      return patch({ rateLimit: integer(arg, 'rate-limit seconds') });
    case 'fail-next':
      return patch({
        failNext: integer(arg, 'fail-next count'),
        failStatus: extra === undefined ? 503 : integer(extra, 'status'),
      });
    case 'reset':
      return { method: 'DELETE', path: `/faults/${first}` };
    default:
      fail(`unknown fault: ${verb ?? '(none)'}`);
  }
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.upstream) fail('--upstream is required (or set DEMO_UPSTREAM)');
const call = request(positionals);
const response = await fetch(`${values.upstream.replace(/\/+$/, '')}/_control${call.path}`, {
  method: call.method,
  headers: call.body ? { 'content-type': 'application/json' } : {},
  body: call.body ? JSON.stringify(call.body) : undefined,
}).catch((error: unknown) => fail(`cannot reach ${values.upstream}: ${String(error)}`));
const text = await response.text();
process.stdout.write(`${text}\n`);
process.exit(response.ok ? 0 : 1);
