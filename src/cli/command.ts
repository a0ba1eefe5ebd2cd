import type { Database } from '../db/client.js';

/** Where a command writes: standard output holds only results (JSON with --json), messages go to stderr. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
};

export type CliOption = {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  multiple?: boolean;
};

export type CliContext = {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed options (node:util parseArgs values). */
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  io: CliIo;
  /** Present only when the command declares needsDatabase; migrations are already applied. */
  db?: Database;
};

export type CliCommand = {
  name: string;
  summary: string;
  /** Usage line shown by --help, e.g. "analyze BUNDLE.json [--json]". */
  usage: string;
  options: Record<string, CliOption>;
  needsDatabase: boolean;
  /** Returns the exit status: 0 success, 1 input refused. Throw UsageError for usage mistakes (exit 2). */
  run: (context: CliContext) => Promise<number>;
};

/** A mistake in how the command was called: exit status 2 with the command's usage. */
export class UsageError extends Error {}
