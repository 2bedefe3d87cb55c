/**
 * The local chat server: the chat API (the same Hono app the Lambda runs) plus the chat-web build with
 * a single-page-app fallback, and `/config.json` telling the app it runs with local identity.
 * Served by @hono/node-server on one port.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export const LOCAL_WEB_CONFIG = { apiBase: '', auth: { mode: 'local' } } as const;

/** chat-web/nginx/security-headers.conf, header for header (HSTS is ignored over plain http). */
export const LOCAL_PAGE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const;

/** The deployed CSP (docker-entrypoint.sh) with this origin as the API and no sign-in domain. */
export function localCsp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Vite puts content-hashed files under /assets, so they never change; everything else must revalidate. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function createWebApp(opts: { proxy: Hono; webDist: string }): Hono {
  const app = new Hono();
  app.route('/', opts.proxy);

  // The same headers the deployed nginx sends (chat-web/nginx/security-headers.conf and the CSP that
  // chat-web/docker-entrypoint.sh writes), with local values: the API is this origin and there is no
  // Cognito, so the page may connect to itself only. Only the widget's own page (`/?embed=1`, what
  // widget.js puts in its iframe) may be framed, and only by pages of this origin (widget-example.html).
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/')) return; // the API sets its own, stricter headers
    const framed = c.req.query('embed') === '1';
    for (const [name, value] of Object.entries(LOCAL_PAGE_HEADERS)) c.res.headers.set(name, value);
    c.res.headers.set('Content-Security-Policy', localCsp(framed ? "'self'" : "'none'"));
  });

  app.get('/config.json', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(LOCAL_WEB_CONFIG);
  });

  const indexPath = join(opts.webDist, 'index.html');
  if (!existsSync(indexPath)) {
    app.get('*', (c) =>
      c.text('The chat app is not built yet. Run `npm run build -w chat-web`, then reload.', 503),
    );
    return app;
  }

  app.use(
    '*',
    serveStatic({
      root: opts.webDist,
      onFound: (path, c) => {
        c.header('Cache-Control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE);
      },
    }),
  );
  // Client-side routes get the app shell; a missing asset stays a 404 so it is not cached as HTML.
  const shell = readFileSync(indexPath, 'utf8');
  app.get('*', (c) => {
    if (c.req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(c.req.path)) return c.notFound();
    c.header('Cache-Control', REVALIDATE);
    return c.html(shell);
  });
  return app;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function listen(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', onError);
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE' ? new PortInUseError(`Port ${port} on ${host} is already in use.`) : err,
      );
    };
    server.once('error', onError);
  });
}
