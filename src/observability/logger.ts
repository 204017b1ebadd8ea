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
  return pino(
    {
      level: options.level,
      base: options.format === 'json' ? { pid: process.pid } : undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: redact },
      serializers: { err: pino.stdSerializers.err },
    },
    stream,
  );
}
