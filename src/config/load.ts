import { CONFIG_SCHEMA, type Config, type ConfigName } from './schema.ts';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses every variable of the schema from `env`, reporting all problems together (each naming its
 * variable), and returns a frozen config. Values of secret variables never appear in the messages.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
    try {
      values[name] = spec.parse(env[name]);
    } catch (error) {
      const reason = spec.secret ? 'is not valid' : (error as Error).message;
      problems.push(`${name} ${reason}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config;
}

/** The values of every secret variable that is set: the logger redacts them wherever they appear. */
export function secretValues(config: Config): string[] {
  return (Object.keys(CONFIG_SCHEMA) as ConfigName[])
    .filter((name) => CONFIG_SCHEMA[name].secret)
    .map((name) => String(config[name]))
    .filter((value) => value.length >= 4);
}
