/** Small helpers over node's parseArgs so every command reads options the same way, and says what is wrong in the user's words. */
import { parseArgs, type ParseArgsConfig } from 'util';
import { UsageError } from './io';

export type Options = NonNullable<ParseArgsConfig['options']>;

const NUMBER = /^-(\d|\.\d)/;

/**
 * A value after an option that starts with a dash: a negative number is taken
 * as the value (the option's own check then says what it accepts); anything
 * else is most likely a forgotten value.
 */
function joinDashValues(argv: string[], options: Options, command: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && next !== '-') {
      if (!NUMBER.test(next))
        throw new UsageError(
          `${command}: ${a} needs a value, and "${next}" is the next option; give the value right after ${a} (write ${a}=${next} if it really starts with a dash)`,
        );
      out.push(`${a}=${next}`);
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** parseArgs' own messages, turned into a line that says what to do. */
function explain(e: Error, command: string): string {
  const missing = /^Option '(--[\w-]+) <value>' argument missing/.exec(e.message);
  if (missing) return `${missing[1]} needs a value after it`;
  const unknown = /^Unknown option '([^']+)'/.exec(e.message);
  if (unknown) return `unknown option ${unknown[1]}; run competency-matrix ${command} --help for the options`;
  const flag = /^Option '(--[\w-]+)' does not take an argument/.exec(e.message);
  if (flag) return `${flag[1]} is a switch and takes no value; write ${flag[1]} alone`;
  return e.message.replace(/\. To specify.*$/s, '');
}

export function parseCommandArgs(argv: string[], options: Options, command: string) {
  let parsed;
  try {
    parsed = parseArgs({ args: joinDashValues(argv, options, command), options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${command}: ${explain(e as Error, command)}`);
  }
  // parseArgs lets the last of a repeated option win, silently; a second --roster is almost always a mistake.
  const seen = new Map<string, string | undefined>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option' || options[t.name]?.multiple) continue;
    if (seen.has(t.name)) {
      const values = [seen.get(t.name), t.value].filter((v) => v !== undefined).map((v) => `"${v}"`);
      throw new UsageError(
        `${command}: --${t.name} is given twice${values.length === 2 ? ` (${values.join(' and ')})` : ''}; give it once`,
      );
    }
    seen.set(t.name, t.value);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be ${allowed.join(' or ')}, not "${value}"`);
}

/** A whole-number option within a range, e.g. --min-group 4; undefined when not given. */
export function wholeNumberOption(
  text: string | undefined,
  option: string,
  range: { min: number; max: number; example: number },
): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
    throw new UsageError(
      `${option} needs a whole number from ${range.min} to ${range.max}, not "${text}", e.g. ${option} ${range.example}`,
    );
  return n;
}
