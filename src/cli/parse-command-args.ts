/**
 * A small long-option parser for the CLI commands: `--name value` and `--name=value` for value
 * options (the next argument is taken even when it starts with `-`, so `--threshold-rsrp-none
 * -115` works, which node:util parseArgs refuses), `--name` for flags, `--` ends the options.
 * Unknown options and missing values throw `UsageError` (exit code 2). Repeats: the last wins.
 */
import { UsageError } from './usage-error.ts';

export interface CommandArgSpec {
  /** Options that take a value. */
  values: readonly string[];
  /** Options without a value. */
  flags?: readonly string[];
}
export interface CommandArgs {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

export function parseCommandArgs(command: string, args: readonly string[], spec: CommandArgSpec): CommandArgs {
  const out: CommandArgs = { positionals: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') { out.positionals.push(...args.slice(i + 1)); break; }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`${command}: unknown option ${arg}`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.values.includes(name)) {
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`${command}: --${name} needs a value`);
      out.values.set(name, value);
    } else if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new UsageError(`${command}: --${name} takes no value`);
      out.flags.add(name);
    } else {
      throw new UsageError(`${command}: unknown option --${name}`);
    }
  }
  return out;
}
