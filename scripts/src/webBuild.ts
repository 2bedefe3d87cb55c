/**
 * The chat app's build (chat-web/dist), made when it is missing or older than its sources — by
 * `npm start`, the browser tests and the web bench alike. Jest runs test files in parallel workers and
 * a crash test runs `npm start` beside them, so a lock directory makes sure only one Vite build writes
 * dist at a time; the others wait for it and then find it fresh.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const WEB_ROOT = path.resolve(__dirname, '../../chat-web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
/** What the build is made from: any of them newer than dist/index.html means rebuild. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.mts', 'package.json'];
const LOCK_DIR = path.join(WEB_ROOT, '.build-lock');
/** Longer than any build: a lock this old was left behind by a crashed run. */
const LOCK_STALE_MS = 180_000;

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function webBuildIsFresh(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(built)) return false;
  const builtAt = fs.statSync(built).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(WEB_ROOT, input)) <= builtAt);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class WebBuildError extends Error {
  override name = 'WebBuildError';
}

/** Builds chat-web/dist if needed; `onBuild` is told before a build starts (npm start says so). */
export function ensureWebBuild(opts: { stdio?: 'inherit' | 'pipe'; onBuild?: () => void } = {}): void {
  if (webBuildIsFresh()) return;
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch {
      const lock = fs.statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > LOCK_STALE_MS)
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new WebBuildError('Timed out waiting for another chat-web build.');
      sleep(250);
    }
  }
  try {
    if (webBuildIsFresh()) return;
    opts.onBuild?.();
    try {
      // A NODE_ENV=development or test (jest sets it) would make Vite bundle React's development build.
      execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', 'chat-web'], {
        cwd: path.join(WEB_ROOT, '..'),
        stdio: opts.stdio ?? 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch (err) {
      throw new WebBuildError(
        `Building chat-web failed${opts.stdio === 'inherit' ? ' (see the output above)' : `: ${String(err)}`}. ` +
          'Fix it, or run `npm run build -w chat-web`.',
      );
    }
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
