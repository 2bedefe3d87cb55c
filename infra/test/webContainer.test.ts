/**
 * The chat web container's own files, exercised without Docker: the entrypoint script run by the
 * system's POSIX sh, and the nginx config checked with `nginx -t` and then served by a real nginx on a
 * free port, with the CSP the entrypoint generated.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  openSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../lib/constructs/paths';

const ENTRYPOINT = repoPath('chat-web/docker-entrypoint.sh');
const NGINX_CONF = repoPath('chat-web/nginx/nginx.conf');
const SECURITY_HEADERS = repoPath('chat-web/nginx/security-headers.conf');
const NGINX = '/usr/sbin/nginx';

const baseEnv = {
  API_URL: 'https://abc123.execute-api.eu-west-1.amazonaws.com',
  COGNITO_AUTHORITY: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf',
  COGNITO_CLIENT_ID: '4example0client0id',
  COGNITO_DOMAIN: 'https://budgetbuddy-1.auth.eu-west-1.amazoncognito.com',
  REDIRECT_URI: 'https://chat.example.com/',
  LOGOUT_URI: 'https://chat.example.com/',
};

function runEntrypoint(env: Record<string, string>, dir: string) {
  const result = spawnSync('sh', [ENTRYPOINT], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      CONFIG_DIR: dir,
      NGINX_CONF_DIR: join(dir, 'budgetbuddy'),
      ...env,
    },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bb-web-'));
  chmodSync(dir, 0o755);
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('docker-entrypoint.sh', () => {
  it('writes config.json in the shape the web app reads', () => {
    const dir = tempDir();
    expect(runEntrypoint(baseEnv, dir)).toMatchObject({ status: 0 });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      apiBase: baseEnv.API_URL,
      auth: {
        mode: 'cognito',
        authority: baseEnv.COGNITO_AUTHORITY,
        clientId: baseEnv.COGNITO_CLIENT_ID,
        domain: baseEnv.COGNITO_DOMAIN,
        redirectUri: baseEnv.REDIRECT_URI,
        logoutUri: baseEnv.LOGOUT_URI,
      },
    });
  });

  it('keeps quotes, backslashes and newlines inside their value instead of breaking out of it', () => {
    const dir = tempDir();
    const hostile = 'id", "mode": "none", "x": "\\\n\ttail';
    const redirect = 'https://chat.example.com/?next="/"';
    expect(
      runEntrypoint({ ...baseEnv, COGNITO_CLIENT_ID: hostile, REDIRECT_URI: redirect }, dir).status,
    ).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
      auth: Record<string, string>;
    };
    expect(config.auth.clientId).toBe(hostile);
    expect(config.auth.redirectUri).toBe(redirect);
    expect(config.auth.mode).toBe('cognito');
    expect(Object.keys(config.auth).sort()).toEqual(
      ['authority', 'clientId', 'domain', 'logoutUri', 'mode', 'redirectUri'].sort(),
    );
  });

  it('puts only the API and Cognito origins into the CSP', () => {
    const dir = tempDir();
    runEntrypoint({ ...baseEnv, API_URL: `${baseEnv.API_URL}/prod?x=1` }, dir);
    const csp = readFileSync(join(dir, 'budgetbuddy/csp.conf'), 'utf8');
    expect(csp).toContain(
      `connect-src 'self' ${baseEnv.API_URL} https://cognito-idp.eu-west-1.amazonaws.com ${baseEnv.COGNITO_DOMAIN};`,
    );
    expect(csp).toContain('frame-ancestors $budgetbuddy_frame_ancestors;');
    expect(readFileSync(join(dir, 'budgetbuddy/frame-ancestors.conf'), 'utf8')).toContain(`"1" "'none'";`);
    expect(csp).not.toContain('/prod');
  });

  it("lets configured sites frame the widget's page only, and nothing but origins", () => {
    const dir = tempDir();
    const embed = "'self' https://shop.example.com";
    expect(runEntrypoint({ ...baseEnv, FRAME_ANCESTORS: embed }, dir).status).toBe(0);
    expect(readFileSync(join(dir, 'budgetbuddy/frame-ancestors.conf'), 'utf8')).toBe(
      `map $arg_embed $budgetbuddy_frame_ancestors {\n  default "'none'";\n  "1" "${embed}";\n}\n`,
    );
    const refused = runEntrypoint({ ...baseEnv, FRAME_ANCESTORS: "'self' *" }, tempDir());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('FRAME_ANCESTORS');
  });

  it('refuses to start without a required setting, and says which', () => {
    const dir = tempDir();
    const { COGNITO_CLIENT_ID: _omitted, ...incomplete } = baseEnv;
    const result = runEntrypoint(incomplete, dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('COGNITO_CLIENT_ID');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('refuses a URL that could smuggle text into the nginx config', () => {
    const dir = tempDir();
    const result = runEntrypoint(
      { ...baseEnv, API_URL: 'https://api.example.com" always; add_header X "y' },
      dir,
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('API_URL');
    expect(existsSync(join(dir, 'budgetbuddy/csp.conf'))).toBe(false);
  });
});

describe('nginx.conf', () => {
  const EMBEDDERS = "'self' https://shop.example.com";
  let prefix: string;
  let port: number;
  let nginx: ChildProcess | undefined;

  beforeAll(async () => {
    prefix = tempDir();
    const html = join(prefix, 'html');
    mkdirSync(join(html, 'assets'), { recursive: true });
    writeFileSync(join(html, 'index.html'), '<!doctype html><title>BudgetBuddy</title>');
    writeFileSync(join(html, 'assets/app-1234.js'), 'console.log(1)');
    expect(runEntrypoint({ ...baseEnv, FRAME_ANCESTORS: EMBEDDERS }, html).status).toBe(0);
    mkdirSync(join(prefix, 'budgetbuddy'));
    for (const file of ['csp.conf', 'frame-ancestors.conf'])
      copyFileSync(join(html, 'budgetbuddy', file), join(prefix, 'budgetbuddy', file));
    copyFileSync(SECURITY_HEADERS, join(prefix, 'budgetbuddy/security-headers.conf'));
    copyFileSync('/etc/nginx/mime.types', join(prefix, 'mime.types'));
    port = await freePort();
    // Same file, with this test's port, document root and pid file instead of the container's.
    const conf = readFileSync(NGINX_CONF, 'utf8')
      .replace('listen 8080;', `listen 127.0.0.1:${port};`)
      .replace('root /usr/share/nginx/html;', `root ${html};`)
      .replace('pid /tmp/nginx.pid;', `pid ${join(prefix, 'nginx.pid')};`)
      .replace(/(\w+_temp_path) \/tmp\//g, `$1 ${prefix}/`);
    writeFileSync(join(prefix, 'nginx.conf'), conf);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
  });

  it('passes nginx -t', () => {
    // nginx opens /dev/stdout for access_log; a socket (jest's stdio pipes) cannot be reopened, a file can.
    const log = join(prefix, 'nginx-t.log');
    const fd = openSync(log, 'w');
    const result = spawnSync(NGINX, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], {
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    expect(readFileSync(log, 'utf8')).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it('serves the app with security headers, the CSP, an SPA fallback and an uncached config', async () => {
    nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/healthz`)).ok);

    const page = await fetch(`${base}/budgets/2026-11`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>BudgetBuddy</title>');
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${baseEnv.API_URL}`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('server')).toBe('nginx');

    const config = await fetch(`${base}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(config.headers.get('content-security-policy')).not.toBeNull();
    expect(((await config.json()) as { apiBase: string }).apiBase).toBe(baseEnv.API_URL);

    // Only the widget's page (/?embed=1) may be framed, and only by the configured sites (issue 14.8).
    const frameAncestors = async (path: string) =>
      /frame-ancestors ([^;]*);/.exec(
        (await fetch(`${base}${path}`)).headers.get('content-security-policy') ?? '',
      )?.[1];
    await expect(frameAncestors('/')).resolves.toBe("'none'");
    await expect(frameAncestors('/budgets/2026-11?embed=0')).resolves.toBe("'none'");
    await expect(frameAncestors('/config.json')).resolves.toBe("'none'");
    await expect(frameAncestors('/?embed=1')).resolves.toBe(EMBEDDERS);

    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}
