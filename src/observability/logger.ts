import { type Logger, pino } from 'pino';
import pinoPretty from 'pino-pretty';
import { createRedactor } from './redact.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  format: 'text' | 'json';
  level: string;
  /** Literal secret values to scrub from every line, wherever they appear. */
  secrets: readonly string[];
  /** Where lines go (default stdout); tests pass a capturing stream. */
  destination?: NodeJS.WritableStream;
}

/**
 * pino logger whose every serialized line passes through the redactor before it is written, so a
 * secret cannot leak through a message, an error, a stack trace or a URL, whatever the call site.
 */
export function createLogger(options: LoggerOptions): Logger {
  const redact = createRedactor(options.secrets);
  const destination = options.destination ?? process.stdout;
  const stream =
    options.format === 'json'
      ? destination
      : pinoPretty({
          destination,
          sync: true,
          colorize: false,
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
        });
  if (options.format !== 'json') {
    return pino(
      {
        level: options.level,
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        hooks: { streamWrite: redact },
        serializers: { err: pino.stdSerializers.err },
      },
      stream,
    );
  }
  // JSON lines carry pino's keys (time, numeric level, msg: our own pipelines and tests read them) AND the
  // keys a pipeline built for the Python service reads: timestamp, levelname (INFO, WARNING …), logger and
  // message.
  return pino(
    {
      level: options.level,
      base: { pid: process.pid, logger: LOGGER_NAME },
      timestamp: () => {
        const iso = new Date().toISOString();
        return `,"time":"${iso}","timestamp":"${iso}"`;
      },
      formatters: {
        level: (label, number) => ({
          level: number,
          levelname: PYTHON_LEVEL_NAMES[label] ?? label.toUpperCase(),
        }),
      },
      hooks: {
        streamWrite: redact,
        logMethod(args, method) {
          const [first, second, ...rest] = args as unknown[];
          const apply = (values: unknown[]) => method.apply(this, values as Parameters<typeof method>);
          if (typeof first === 'string') return apply([{ message: first }, ...args]);
          if (typeof second !== 'string' || first === null || typeof first !== 'object') return apply(args);
          const merged = first instanceof Error ? { err: first } : first;
          return apply([{ ...merged, message: second }, second, ...rest]);
        },
      },
      serializers: { err: pino.stdSerializers.err },
    },
    stream,
  );
}

/** The `logger` key of JSON lines (the Python service's logger names differ per module; ours is one). */
export const LOGGER_NAME = 'postersplus';

/** Python's level names, which pipelines built for the Python service match on. */
const PYTHON_LEVEL_NAMES: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};
