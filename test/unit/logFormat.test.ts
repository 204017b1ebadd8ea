/**
 * LOG_FORMAT=json: each line carries pino's keys (time, numeric level, msg) and the keys a log pipeline
 * built for the Python service reads (timestamp, levelname, logger, message), with secrets redacted in both.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return {
    lines,
    logger: createLogger({ format: 'json', level: 'info', secrets: ['sekritValue99'], destination }),
  };
}

describe('LOG_FORMAT=json keys', () => {
  it('a plain message, a message with fields, and an error all carry both key sets', () => {
    const { lines, logger } = capture();
    logger.info('listening');
    logger.warn({ service: 'mdblist' }, 'upstream failing');
    logger.error(new Error('boom'), 'startup failed');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 30,
      levelname: 'INFO',
      logger: 'postersplus',
      msg: 'listening',
      message: 'listening',
    });
    expect(lines[1]).toMatchObject({
      level: 40,
      levelname: 'WARNING',
      msg: 'upstream failing',
      message: 'upstream failing',
      service: 'mdblist',
    });
    expect(lines[2]).toMatchObject({ level: 50, levelname: 'ERROR', message: 'startup failed' });
    expect(lines[2]?.err).toMatchObject({ message: 'boom' });
    for (const line of lines) {
      expect(line.timestamp).toBe(line.time);
      expect(Number.isNaN(Date.parse(String(line.timestamp)))).toBe(false);
    }
  });

  it('redacts secrets in message as in msg', () => {
    const { lines, logger } = capture();
    logger.info('key is sekritValue99');
    expect(JSON.stringify(lines)).not.toContain('sekritValue99');
  });
});
