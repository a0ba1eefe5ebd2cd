import fs from 'node:fs';
import path from 'node:path';
import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentFor, startServerProcess, tempFolder as makeTempFolder } from '../../test/support/server-process.js';

const bin = path.resolve(import.meta.dirname, '../../bin/consortia.js');
const folders: string[] = [];
const servers: ChildProcessWithoutNullStreams[] = [];

/** Runs a command to completion and keeps its status and output, whatever they are. */
function run(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { env: environmentFor({ dataDir }), encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `consortia serve` the way a user does: the demo is seeded on a pristine database. */
async function startServer(dataDir: string) {
  const server = await startServerProcess({ dataDir }, servers, { SEED_DEMO: 'true' });
  return { ...server, port: Number(new URL(server.url).port) };
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

const tempFolder = () => makeTempFolder(folders, 'consortia-cli-');

afterAll(() => {
  for (const child of servers) child.kill('SIGKILL');
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

// The command line is exercised on the embedded database it uses by default; the PostgreSQL pass of
// the suite (DATABASE_URL set) covers the same domain functions through the API tests.
describe.skipIf(Boolean(process.env.DATABASE_URL))('npx consortia', { timeout: 240_000 }, () => {
  const dataDir = tempFolder();

  it('prints help, and exits 2 on usage mistakes', () => {
    const help = run(dataDir, ['--help']);
    expect(help.status).toBe(0);
    for (const name of ['serve', 'migrate', 'seed-demo', 'create-admin', 'create-user', 'create-token']) expect(help.stdout).toContain(name);
    expect(run(dataDir, []).status).toBe(2);
    expect(run(dataDir, ['no-such-command']).status).toBe(2);
    const commandHelp = run(dataDir, ['create-user', '--help']);
    expect(commandHelp.status).toBe(0);
    expect(commandHelp.stdout).toContain('--role');
    const unknownOption = run(dataDir, ['migrate', '--colour']);
    expect(unknownOption.status).toBe(2);
    const missing = run(dataDir, ['create-admin', '--email', 'x@y.example']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--password is required');
  });

  it('creates an administrator and users, refusing bad input with exit 1 and a message', () => {
    const short = run(dataDir, ['create-admin', '--email', 'root@hq.example', '--password', 'short', '--org', 'HQ']);
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('/password');
    const admin = run(dataDir, ['create-admin', '--email', 'root@hq.example', '--password', 'a-long-password', '--org', 'HQ', '--json']);
    expect(admin.status).toBe(0);
    expect(JSON.parse(admin.stdout)).toMatchObject({ email: 'root@hq.example', isInstanceAdmin: true, organization: { name: 'HQ', created: true } });
    const duplicate = run(dataDir, ['create-user', '--email', 'ROOT@hq.example', '--password', 'a-long-password', '--org', 'HQ']);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    const badRole = run(dataDir, ['create-user', '--email', 'u@hq.example', '--password', 'a-long-password', '--org', 'HQ', '--role', 'boss']);
    expect(badRole.status).toBe(2);
    const user = run(dataDir, ['create-user', '--email', 'u@hq.example', '--password', 'a-long-password', '--org', 'hq', '--role', 'org-admin', '--json']);
    expect(JSON.parse(user.stdout)).toMatchObject({ role: 'org-admin', organization: { name: 'HQ', created: false } });
  });

  it('prints only the token on standard output', () => {
    const token = run(dataDir, ['create-token', '--email', 'root@hq.example', '--name', 'ci']);
    expect(token.status).toBe(0);
    expect(token.stdout).toMatch(/^cst_[A-Za-z0-9_-]{43}\n$/);
    expect(run(dataDir, ['create-token', '--email', 'nobody@hq.example']).status).toBe(1);
  });

  it('serves a database prepared by the command line without seeding the demo, and refuses a second process on the folder', async () => {
    const token = run(dataDir, ['create-token', '--email', 'root@hq.example', '--json']);
    const { token: secret } = JSON.parse(token.stdout) as { token: string };
    const server = await startServer(dataDir);
    expect(server.output()).not.toContain('demo consortium');
    const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const programmes = await fetch(`http://127.0.0.1:${server.port}/api/programmes`, { headers: { authorization: `Bearer ${secret}` } });
    expect(await programmes.json()).toEqual({ items: [], nextCursor: null });

    const second = run(dataDir, ['create-user', '--email', 'x@hq.example', '--password', 'a-long-password', '--org', 'HQ']);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by another Consortia process \(pid \d+/);
    expect(await stop(server.child)).toBe(0);
  });

  it('seeds the demo on the first start of a pristine database only, and seed-demo refuses to add it twice', async () => {
    const fresh = tempFolder();
    const first = await startServer(fresh);
    expect(first.output()).toContain('amina@sahel-relief.example');
    const login = await fetch(`http://127.0.0.1:${first.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amina@sahel-relief.example', password: 'demo-password-2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const list = (await (await fetch(`http://127.0.0.1:${first.port}/api/programmes`, { headers: { cookie } })).json()) as { items: Array<{ title: string; myRole: string }> };
    // The demo consortium, beside the imported IATI activities the lead takes part in.
    expect(list.items).toContainEqual(expect.objectContaining({ title: 'Sahel Resilience Consortium', myRole: 'manager' }));
    await stop(first.child);

    const again = await startServer(fresh);
    expect(again.output()).not.toContain('demo consortium');
    await stop(again.child);
    const seedTwice = run(fresh, ['seed-demo']);
    expect(seedTwice.status).toBe(1);
    expect(seedTwice.stderr).toContain('already');
  });
});
