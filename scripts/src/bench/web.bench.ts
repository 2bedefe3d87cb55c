/**
 * JavaScript the chat page loads, gzipped (issue target: web_js_gzip_bytes < 256,000).
 *
 * - web_js_gzip_bytes: everything the local chat page loads once it has shown a chart — the
 *   start-up JS (dist/index.html's module scripts and modulepreload links, and every chunk they
 *   import statically) plus the recharts chart chunk, which is loaded through import() when the
 *   first chart message is drawn. Asking for spending is a core flow, so it counts.
 * - web_js_startup_gzip_bytes: the start-up JS alone (what a first open costs).
 * - web_chart_chunk_gzip_bytes: the chart chunk and what it imports statically, beyond start-up.
 * - web_auth_chunk_gzip_bytes: the oidc-client-ts chunk, loaded only in cognito (deployed) mode.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, WEB_DIST } from '../webBuild';

export const title = 'Chat page JavaScript size';

const STATIC_IMPORT = /\bimport\s*(?:[^"'()]*?\bfrom\s*)?["'](\.\.?\/[^"']+\.js)["']/g;

function entryScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  return [...scripts, ...preloads].map((src) => src.replace(/^\//, ''));
}

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).byteLength;
}

/** Every chunk reachable from `roots` without a dynamic import(). */
function staticClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(WEB_DIST, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(join(dir, match[1]!));
  }
  return seen;
}

function lazyChunk(pattern: RegExp, what: string): string {
  const file = readdirSync(join(WEB_DIST, 'assets'))
    .map((name) => `assets/${name}`)
    .find((name) => pattern.test(name));
  if (!file) throw new Error(`No ${what} chunk in chat-web/dist/assets: did the build change?`);
  return file;
}

const total = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipBytes(file), 0);

export async function run(): Promise<Record<string, number>> {
  ensureWebBuild();
  const startup = staticClosure(entryScripts(readFileSync(join(WEB_DIST, 'index.html'), 'utf8')));
  const chartChunk = lazyChunk(/SpendingChart-[^/]+\.js$/, 'chart');
  const authChunk = lazyChunk(/cognitoSession-[^/]+\.js$/, 'sign-in');
  for (const [chunk, what] of [
    [chartChunk, 'chart'],
    [authChunk, 'sign-in'],
  ] as const) {
    if (startup.has(chunk)) throw new Error(`The ${what} chunk is loaded at start-up: lazy loading broke.`);
  }
  const chart = [...staticClosure([chartChunk])].filter((file) => !startup.has(file));
  const auth = [...staticClosure([authChunk])].filter((file) => !startup.has(file));
  return {
    web_js_gzip_bytes: total(startup) + total(chart),
    web_js_startup_gzip_bytes: total(startup),
    web_chart_chunk_gzip_bytes: total(chart),
    web_auth_chunk_gzip_bytes: total(auth),
  };
}
