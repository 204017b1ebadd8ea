import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/adapters/coordination/redisUrl.ts';

describe('parseRedisUrl', () => {
  it.each([
    ['redis://127.0.0.1', { host: '127.0.0.1', port: 6379, db: 0 }],
    ['redis://cache.internal:6380/2', { host: 'cache.internal', port: 6380, db: 2 }],
    ['redis://:p%40ss%3Aword@h:1', { host: 'h', port: 1, db: 0, password: 'p@ss:word' }],
    ['redis://app:pw@h/3', { host: 'h', port: 6379, db: 3, username: 'app', password: 'pw' }],
    ['redis://h?db=4&password=qpw', { host: 'h', port: 6379, db: 4, password: 'qpw' }],
    ['redis://h/5?db=4', { host: 'h', port: 6379, db: 5 }],
    ['redis://[::1]:7000', { host: '::1', port: 7000, db: 0 }],
    ['REDIS://H', { host: 'h', port: 6379, db: 0 }],
    [
      'rediss://u:pw@redis.example.com:6380',
      {
        host: 'redis.example.com',
        port: 6380,
        db: 0,
        username: 'u',
        password: 'pw',
        tls: { servername: 'redis.example.com' },
      },
    ],
    ['rediss://10.0.0.5', { host: '10.0.0.5', port: 6379, db: 0, tls: {} }],
    ['unix:///var/run/redis/redis.sock', { path: '/var/run/redis/redis.sock', db: 0 }],
    ['unix:///tmp/r.sock?db=2&password=s3', { path: '/tmp/r.sock', db: 2, password: 's3' }],
    ['unix://:pw@localhost/tmp/r.sock', { path: '/tmp/r.sock', db: 0, password: 'pw' }],
    ['unix:/tmp/r%20s.sock', { path: '/tmp/r s.sock', db: 0 }],
  ])('%s', (url, expected) => {
    expect(parseRedisUrl(url)).toEqual(expected);
  });

  it.each([
    ['not a url', /not a URL/],
    ['http://h', /unsupported scheme "http"/],
    ['redis://h/x', /database number/],
    ['redis://h?db=-1', /database number/],
    ['unix://tmp/r.sock', /absolute socket path/],
    ['unix:///', /no socket path/],
    ['redis://:%E0%A4%A@h', /password has a broken percent-escape/],
  ])('rejects %s', (url, message) => {
    expect(() => parseRedisUrl(url)).toThrow(message);
  });

  it('never quotes the password in an error', () => {
    for (const url of ['redis://:hunter2secret@h/notadb', 'unix://:hunter2secret@elsewhere/x']) {
      let message = '';
      try {
        parseRedisUrl(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('hunter2secret');
    }
  });
});
