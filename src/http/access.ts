/**
 * Access rules: with ACCESS_KEY set, operator endpoints need `?access_key=`; with the
 * public preset tier on and no ACCESS_KEY, operator endpoints are closed (fail-closed); otherwise open.
 * Keys are compared in constant time over their SHA-256 digests (equal length whatever the input), and
 * an absurd or non-ASCII key is simply wrong — never an exception.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import { forbidden } from './errors.ts';

const MAX_KEY_LENGTH = 512;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function keysMatch(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > MAX_KEY_LENGTH) return false;
  // Non-ASCII cannot be a configured key's twin; the digest compare stays constant-time anyway.
  return timingSafeEqual(digest(given), digest(expected));
}

export function firstValue(raw: unknown): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value : undefined;
}

export type OperatorAccess = 'open' | 'granted' | 'denied';

export function operatorAccess(config: Config, givenKey: unknown): OperatorAccess {
  if (config.ACCESS_KEY) return keysMatch(firstValue(givenKey), config.ACCESS_KEY) ? 'granted' : 'denied';
  return config.PRESET_ENABLED ? 'denied' : 'open';
}

/** Throws 403 unless the operator endpoints are open or the key is right. */
export function requireOperator(config: Config, givenKey: unknown): OperatorAccess {
  const access = operatorAccess(config, givenKey);
  if (access === 'denied') {
    throw forbidden(
      config.ACCESS_KEY
        ? 'a valid access_key is required'
        : 'this instance serves the public preset tier only (/p/…)',
    );
  }
  return access;
}
