/**
 * JavaScript the chat page downloads at start-up, gzipped (target < 250 KB). It follows
 * dist/index.html's module scripts and modulepreload links, then every chunk those import
 * statically. Excluded, because they are truly loaded on demand through dynamic import():
 * the recharts chart chunk (only when a chart message is shown) and the oidc-client-ts chunk
 * (only in cognito mode); the chart chunk is reported separately.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, WEB_DIST } from '@budgetbuddy/chat-web/e2e/support/webBuild';

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

/** Every chunk reachable from the entry scripts without a dynamic import(). */
function initialChunks(): Set<string> {
  const seen = new Set<string>();
  const queue = entryScripts(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(WEB_DIST, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(join(dir, match[1]!));
  }
  return seen;
}

export async function run(): Promise<Record<string, number>> {
  ensureWebBuild();
  const initial = initialChunks();
  const chartChunk = readdirSync(join(WEB_DIST, 'assets'))
    .map((name) => `assets/${name}`)
    .find((file) => /SpendingChart-[^/]+\.js$/.test(file));
  if (chartChunk && initial.has(chartChunk))
    throw new Error('The chart chunk is loaded at start-up: lazy loading broke.');
  return {
    web_js_gzip_bytes: [...initial].reduce((sum, file) => sum + gzipBytes(file), 0),
    web_chart_chunk_gzip_bytes: chartChunk ? gzipBytes(chartChunk) : 0,
  };
}
