/** Small helpers over node's parseArgs so every command reads options the same way. */
import { parseArgs, type ParseArgsConfig } from 'util';
import { UsageError } from './io';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs(argv: string[], options: Options, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be ${allowed.join(' or ')}, not "${value}"`);
}
