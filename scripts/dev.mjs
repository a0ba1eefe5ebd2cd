// Development: the API server restarting on change (port 3000) and Vite's dev server with hot reload (port 5173).
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/cli/run.ts', 'serve'], { stdio: 'inherit', env: { ...process.env, WEB_DIST_DIR: '/nonexistent' } }),
  spawn('npx', ['vite', '--config', 'vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
