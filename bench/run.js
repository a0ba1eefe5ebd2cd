// Runs every benchmark under bench/ (files named *.bench.ts), one after the other, or those named on the command line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : find(full);
    return entry.name.endsWith('.bench.ts') ? [full] : [];
  });
}

const files = find(benchDir)
  .sort()
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)));
let failures = 0;
for (const file of files) {
  console.log(`\n### ${path.relative(benchDir, file)}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file], { stdio: 'inherit' });
  if (result.status !== 0) failures += 1;
}
console.log(`\n${files.length - failures} benchmarks ran, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
