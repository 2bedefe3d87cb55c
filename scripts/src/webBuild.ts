import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const WEB_ROOT = path.resolve(__dirname, '../../chat-web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
const INPUTS = ['src', 'public', 'index.html', 'vite.config.mts', 'package.json'];
const LOCK_DIR = path.join(WEB_ROOT, '.build-lock');

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

function isFresh(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(built)) return false;
  const builtAt = fs.statSync(built).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(WEB_ROOT, input)) <= builtAt);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds chat-web/dist when it is missing or older than its sources: `npm start` (with `verbose`, so the
 * build's output shows), the browser tests and the web bench all call this. Test files run in parallel
 * workers, so a lock directory makes sure only one of them builds.
 */
export function ensureWebBuild(opts: { verbose?: boolean } = {}): void {
  if (isFresh()) return;
  if (opts.verbose) console.log('Building the chat app (chat-web)…');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A lock much older than any build was left behind by a crashed run.
      const lock = fs.statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 180_000) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another chat-web build.');
      sleep(250);
    }
  }
  try {
    if (!isFresh()) {
      // jest sets NODE_ENV=test (and a shell may have development): either would make Vite bundle
      // React's development build.
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const build = spawnSync(npm, ['run', 'build', '-w', 'chat-web'], {
        cwd: path.join(WEB_ROOT, '..'),
        stdio: opts.verbose ? 'inherit' : 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
      if (build.status !== 0) {
        throw new Error(
          `Building chat-web failed${opts.verbose ? ' (see the output above)' : `: ${String(build.stderr)}`}. Fix it, or run \`npm run build -w chat-web\`.`,
        );
      }
    }
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
