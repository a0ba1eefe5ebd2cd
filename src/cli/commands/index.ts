import type { CliCommand } from '../command.js';
import serve from './serve.js';
import migrate from './migrate.js';
import seedDemo from './seed-demo.js';
import { createAdmin, createUserCommand } from './create-user.js';
import createToken from './create-token.js';
import importPublishers from './import-publishers.js';
import analyze from './analyze.js';
import importIati from './import-iati.js';
import exportIati from './export-iati.js';
import exportBundle from './export-bundle.js';
import importBundle from './import-bundle.js';
import { backupCommand, restoreCommand } from './backup.js';

/** Every command of `npx consortia`, in the order --help lists them. */
export const commands: CliCommand[] = [serve, migrate, seedDemo, createAdmin, createUserCommand, createToken, importPublishers, analyze, importIati, exportIati, exportBundle, importBundle, backupCommand, restoreCommand];
