/**
 * The local page sends the headers the deployed nginx sends: the static ones of
 * chat-web/nginx/security-headers.conf and the CSP chat-web/docker-entrypoint.sh writes, directive by
 * directive, with local origins. Only the widget's page may be framed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { createWebApp } from './webServer';

const ROOT = resolve(__dirname, '../..');
let dir: string;
let app: Hono;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bb-web-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><title>BudgetBuddy</title>');
  app = createWebApp({ proxy: new Hono(), webDist: join(dir, 'dist') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Csp = Map<string, string[]>;
const parseCsp = (value: string): Csp =>
  new Map(
    value
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

/** What the container's entrypoint writes for a deployment (API and Cognito on their own origins). */
function deployedHeaders(
  page: 'app' | 'widget',
  frameAncestors?: string,
): { csp: Csp; static: Record<string, string> } {
  const out = join(dir, `deployed-${page}-${frameAncestors ? 'framed' : 'plain'}`);
  const run = spawnSync('sh', [join(ROOT, 'chat-web/docker-entrypoint.sh')], {
    env: {
      PATH: process.env.PATH,
      API_URL: 'https://api.example.test/prod',
      COGNITO_AUTHORITY: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x',
      COGNITO_CLIENT_ID: 'client',
      COGNITO_DOMAIN: 'https://auth.example.test',
      REDIRECT_URI: 'https://chat.example.test/',
      LOGOUT_URI: 'https://chat.example.test/',
      CONFIG_DIR: out,
      NGINX_CONF_DIR: out,
      ...(frameAncestors ? { FRAME_ANCESTORS: frameAncestors } : {}),
    },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  // The CSP names an nginx variable for frame-ancestors, chosen per request by frame-ancestors.conf's map
  // on ?embed: the value for a page that is not the widget's ("default"), or the widget's ("1").
  const map = readFileSync(join(out, 'frame-ancestors.conf'), 'utf8');
  const framing = (key: string) => new RegExp(`^\\s*${key} "([^"]*)";`, 'm').exec(map)![1]!;
  const csp = /Content-Security-Policy "([^"]+)"/
    .exec(readFileSync(join(out, 'csp.conf'), 'utf8'))![1]!
    .replace('$budgetbuddy_frame_ancestors', framing(page === 'widget' ? '"1"' : 'default'));
  const conf = readFileSync(join(ROOT, 'chat-web/nginx/security-headers.conf'), 'utf8');
  const statics = Object.fromEntries(
    [...conf.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
  );
  return { csp: parseCsp(csp), static: statics };
}

const DEPLOYED_ONLY_ORIGINS = [
  'https://api.example.test',
  'https://cognito-idp.us-east-1.amazonaws.com',
  'https://auth.example.test',
];

describe('local page headers', () => {
  it('are the deployed ones, with this origin for the API and no sign-in domain', async () => {
    const res = await app.request('/');
    const deployed = deployedHeaders('app');
    for (const [name, value] of Object.entries(deployed.static)) expect(res.headers.get(name)).toBe(value);
    const local = parseCsp(res.headers.get('content-security-policy') ?? '');
    expect([...local.keys()].sort()).toEqual([...deployed.csp.keys()].sort());
    for (const [name, values] of deployed.csp) {
      expect([name, local.get(name)]).toEqual([
        name,
        values.filter((v) => !DEPLOYED_ONLY_ORIGINS.includes(v)),
      ]);
    }
    // The page may talk to its own origin only, not to any https: site.
    expect(local.get('connect-src')).toEqual(["'self'"]);
  });

  it('let only the widget page be framed, and only by this origin', async () => {
    for (const path of ['/', '/some/route', '/config.json', '/widget-example.html?embed=0']) {
      const csp = parseCsp((await app.request(path)).headers.get('content-security-policy') ?? '');
      expect([path, csp.get('frame-ancestors')]).toEqual([path, ["'none'"]]);
    }
    const widget = parseCsp((await app.request('/?embed=1')).headers.get('content-security-policy') ?? '');
    expect(widget.get('frame-ancestors')).toEqual(["'self'"]);
    // Deployed, the same page is framed by the sites configured in FRAME_ANCESTORS, and no other page is.
    expect(deployedHeaders('widget', "'self'").csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(deployedHeaders('app', "'self'").csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
