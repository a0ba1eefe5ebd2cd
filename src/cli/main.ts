import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../lib/config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { AppError } from '../lib/errors.js';
import { UsageError, type CliCommand, type CliIo } from './command.js';
import { commands } from './commands/index.js';
import { getSetting, putSetting, SETUP_SOURCE_KEY } from '../modules/settings/settings.js';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTTY: Boolean(process.stdout.isTTY),
};

/** Runs `consortia <command> [options]` and returns the exit status (0 ok, 1 input refused, 2 usage). */
export async function runCli(argv: string[], output: CliIo = io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.stdout(generalHelp());
    return name ? 0 : 2;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    output.stderr(`Unknown command "${name}".\n\n${generalHelp()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    output.stderr(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (parsed.values.help) {
    output.stdout(commandHelp(command));
    return 0;
  }
  try {
    if (!command.needsDatabase) return await command.run({ args: parsed.positionals, values: parsed.values, io: output });
    const config = loadConfig();
    const handle = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
    try {
      // A database first touched by the command line is not seeded with the demo by the server later.
      if (command.name !== 'serve' && (await getSetting(handle.db, SETUP_SOURCE_KEY)) === undefined) {
        await putSetting(handle.db, SETUP_SOURCE_KEY, 'cli');
      }
      return await command.run({ args: parsed.positionals, values: parsed.values, io: output, db: handle.db });
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.stderr(`${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (error instanceof AppError) {
      const details = error.details?.map((detail) => `  ${detail.pointer}: ${detail.message}`).join('\n');
      output.stderr(details ? `${error.message}\n${details}` : error.message);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      output.stderr(error.message);
      return 1;
    }
    output.stderr(`Failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

function generalHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: consortia <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "consortia <command> --help" for a command\'s options.',
    'The database is the embedded one in DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  const options = Object.entries(command.options).map(([key, option]) => {
    const flag = `--${key}${option.type === 'string' ? ` <${key}>` : ''}`;
    return `  ${flag.padEnd(24)} ${option.description}`;
  });
  return [`Usage: consortia ${command.usage}`, '', command.summary, '', 'Options:', ...options, `  ${'--help'.padEnd(24)} Show this help`].join('\n');
}
