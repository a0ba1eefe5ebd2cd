import { runCli } from './main.js';

const status = await runCli(process.argv.slice(2));
process.exitCode = status;
