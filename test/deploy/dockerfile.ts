/**
 * A small, strict reader for deploy/Dockerfile and .dockerignore — enough of Docker's grammar for the
 * deployment tests to assert on the image and for the container smoke test to replay it: line
 * continuations, comments and parser directives, JSON (exec) and shell forms, `--flag=value` options,
 * and `${ARG}` substitution in FROM from the global ARGs. Anything it does not understand (heredocs, an
 * escape directive) throws, so the tests can never read a Dockerfile differently from Docker by accident.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DOCKERFILE = path.join(ROOT, 'deploy/Dockerfile');

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY … */
  keyword: string;
  /** `--name=value` options in front of the arguments (COPY --from=build, RUN --mount=…). */
  flags: Record<string, string>;
  /** The arguments after the flags, continuation lines joined with a space. */
  args: string;
  /** The arguments parsed as JSON when written in exec form (["node", "src/main.ts"]). */
  exec?: string[];
  line: number;
}

export interface Stage {
  /** Base image after ARG substitution. */
  from: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

function splitFlags(rest: string): { flags: Record<string, string>; args: string } {
  const flags: Record<string, string> = {};
  let args = rest;
  for (;;) {
    const match = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(args);
    if (!match) break;
    flags[match[1] as string] = match[2] ?? 'true';
    args = args.slice(match[0].length);
  }
  return { flags, args: args.trim() };
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split('\n');
  const instructions: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const trimmed = raw.trim();
    if (/^#\s*escape\s*=/i.test(trimmed) && instructions.length === 0 && pending === '') {
      throw new Error('escape directive not supported');
    }
    // Comment lines are dropped, also between continuation lines (as Docker does).
    if (trimmed.startsWith('#') || (trimmed === '' && pending === '')) continue;
    if (pending === '') startLine = i + 1;
    if (trimmed.endsWith('\\')) {
      pending += `${trimmed.slice(0, -1).trim()} `;
      continue;
    }
    const full = (pending + trimmed).trim();
    pending = '';
    if (full === '') continue;
    const match = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(full);
    if (!match) throw new Error(`line ${startLine}: cannot parse ${JSON.stringify(full)}`);
    if (full.includes('<<')) throw new Error(`line ${startLine}: heredocs are not supported`);
    const keyword = (match[1] as string).toUpperCase();
    const { flags, args } = splitFlags(match[2] as string);
    const instruction: Instruction = { keyword, flags, args, line: startLine };
    if (args.startsWith('[')) instruction.exec = JSON.parse(args) as string[];
    instructions.push(instruction);
  }
  if (pending !== '') throw new Error('file ends inside a continuation line');

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name, ...extra] = instruction.args.split(/\s+/);
      if (!image || extra.length > 0 || (as !== undefined && (as.toUpperCase() !== 'AS' || !name))) {
        throw new Error(`line ${instruction.line}: FROM ${instruction.args}`);
      }
      const from = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a?: string, b?: string) => {
        const key = (a ?? b) as string;
        const value = globalArgs[key];
        if (value === undefined) throw new Error(`line ${instruction.line}: ARG ${key} has no default`);
        return value;
      });
      stages.push({ from, name, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (stage) {
      stage.instructions.push(instruction);
      continue;
    }
    if (instruction.keyword !== 'ARG')
      throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
    const [key, value] = instruction.args.split('=', 2);
    globalArgs[key as string] = value ?? '';
  }
  return { globalArgs, stages };
}

export function readDockerfile(): Dockerfile {
  return parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
}

/** Instructions of one keyword in a stage. */
export const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

/** The last instruction of one keyword in a stage (the one Docker uses for CMD, USER, WORKDIR …). */
export const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);

/**
 * `KEY=value KEY2="value two"` pairs of ENV, LABEL and ARG instructions (the `KEY value` legacy form of
 * ENV is refused).
 */
export function keyValues(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|\S*)\s*/gy;
  let index = 0;
  while (index < args.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(args);
    if (!match) throw new Error(`cannot read key=value pairs at ${JSON.stringify(args.slice(index))}`);
    const raw = match[2] as string;
    out[match[1] as string] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    index = pattern.lastIndex;
  }
  return out;
}

/** ENV of a stage, in order, later values winning. */
export function stageEnv(stage: Stage): Record<string, string> {
  return Object.assign({}, ...all(stage, 'ENV').map((i) => keyValues(i.args))) as Record<string, string>;
}

/** COPY sources and destination (shell form: `COPY a b ./dest`). */
export function copyParts(instruction: Instruction): { sources: string[]; dest: string } {
  const parts = instruction.exec ?? instruction.args.split(/\s+/);
  if (parts.length < 2) throw new Error(`line ${instruction.line}: COPY needs a source and a destination`);
  return { sources: parts.slice(0, -1), dest: parts.at(-1) as string };
}

// ---- .dockerignore -----------------------------------------------------------------------------------

interface IgnoreRule {
  negate: boolean;
  regex: RegExp;
}

/** Docker's pattern syntax (Go filepath.Match plus `**`), anchored at the context root. */
function patternToRegex(pattern: string): RegExp {
  let source = '';
  const clean = path.posix.normalize(pattern.replace(/^\/+/, ''));
  for (let i = 0; i < clean.length; i++) {
    const char = clean[i] as string;
    if (char === '*') {
      if (clean[i + 1] === '*') {
        // `**` matches any number of directories, including none.
        i++;
        if (clean[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '[' || char === '\\') throw new Error(`unsupported pattern ${pattern}`);
    else source += char.replace(/[.+^${}()|\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      return { negate, regex: patternToRegex(negate ? line.slice(1).trim() : line) };
    });
}

/**
 * Whether a file (path relative to the context) is sent to the builder: the last rule matching the file
 * or one of its parent directories decides, as in Docker's (moby/patternmatcher) semantics.
 */
export function inContext(rules: IgnoreRule[], file: string): boolean {
  const parts = file.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let excluded = false;
  for (const rule of rules) {
    if (candidates.some((candidate) => rule.regex.test(candidate))) excluded = !rule.negate;
  }
  return !excluded;
}
