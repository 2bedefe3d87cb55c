/**
 * Lex puts PutSession's results in response headers as base64(gzip(JSON)) (../shared/reference/lex-v2-facts.md §1.4);
 * callers decode them with `decodeLexHeader`.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export function encodeLexHeader(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64');
}

export function decodeLexHeader(header: string): unknown {
  return JSON.parse(gunzipSync(Buffer.from(header, 'base64')).toString('utf8'));
}
