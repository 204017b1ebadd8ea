import { CONFIG_SCHEMA, type Config, type ConfigName } from './schema.ts';
import type { VarAlias } from './vars.ts';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The variable's own value, else the first alias that is set (converted), and which name it came from. */
function rawValue(
  env: NodeJS.ProcessEnv,
  name: string,
  aliases: readonly VarAlias[],
): { raw: string | undefined; from: string } {
  if (isSet(env[name])) return { raw: env[name], from: name };
  for (const alias of aliases) {
    const value = env[alias.name];
    if (isSet(value)) return { raw: alias.convert ? alias.convert(value.trim()) : value, from: alias.name };
  }
  return { raw: env[name], from: name };
}

/**
 * Parses every variable of the schema from `env`, reporting all problems together (each naming its
 * variable), and returns a frozen config. Values of secret variables never appear in the messages.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
    const { raw, from } = rawValue(env, name, spec.aliases ?? []);
    try {
      values[name] = spec.parse(raw);
    } catch (error) {
      const reason = spec.secret ? 'is not valid' : (error as Error).message;
      problems.push(`${from === name ? name : `${from} (alias of ${name})`} ${reason}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config;
}

/**
 * The values of every secret variable that is set: the logger redacts them wherever they appear. A secret
 * URL also contributes its parts (password, path, query) because error messages often carry a URL's path
 * without its host — and addon URLs keep their debrid tokens in the path.
 */
export function secretValues(config: Config): string[] {
  const values = new Set<string>();
  for (const name of Object.keys(CONFIG_SCHEMA) as ConfigName[]) {
    const spec = CONFIG_SCHEMA[name];
    if (!spec.secret) continue;
    const value = String(config[name]);
    if (value.length < 4) continue;
    values.add(value);
    if (spec.kind !== 'url') continue;
    try {
      const url = new URL(value);
      for (const part of [
        url.password,
        decodeURIComponent(url.password),
        url.pathname,
        url.search.slice(1),
      ]) {
        if (part.length >= 6 && part !== '/') values.add(part);
      }
    } catch {
      // not parseable: the whole value is already listed
    }
  }
  return [...values];
}
