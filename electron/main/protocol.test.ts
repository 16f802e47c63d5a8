import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONSE_CONTENT_SECURITY_POLICY } from './csp';
import { APP_SCHEME_DEFINITION, appUrlPath, registerAppScheme, respondToAppRequest, serveAppProtocol } from './protocol';

let base: string;
let rendererDir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carteira-protocol-'));
  rendererDir = join(base, 'dist', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {}');
  await writeFile(join(base, 'passwd'), 'root:x:0:0');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string) => respondToAppRequest(rendererDir, { url, method: 'GET' });

describe('appUrlPath', () => {
  it('keeps the raw path of our host and rejects other hosts', () => {
    expect(appUrlPath('app://carteira/../../etc/passwd')).toBe('/../../etc/passwd');
    expect(appUrlPath('app://carteira')).toBe('/');
    expect(appUrlPath('app://carteira/a.js?x=1')).toBe('/a.js');
    expect(appUrlPath('app://carteira.evil/a.js')).toBeNull();
    expect(appUrlPath('app://other/a.js')).toBeNull();
  });
});

describe('respondToAppRequest', () => {
  it('serves index.html and assets with the CSP header', async () => {
    const index = await get('app://carteira/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<!doctype html>');
    expect(index.headers.get('content-security-policy')).toBe(RESPONSE_CONTENT_SECURITY_POLICY);
    const js = await get('app://carteira/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {}');
  });

  it.each([
    'app://carteira/../../etc/passwd',
    'app://carteira/../passwd',
    'app://carteira/..%2F..%2Fpasswd',
    'app://carteira/%2e%2e/%2e%2e/passwd',
    'app://carteira/assets/..%5C..%5C..%5Cpasswd',
    'app://evil/index.html',
    'app://carteira/assets/missing.js',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('root:');
  });

  it('refuses methods other than GET and HEAD, and HEAD has no body', async () => {
    expect((await respondToAppRequest(rendererDir, { url: 'app://carteira/', method: 'POST' })).status).toBe(405);
    const head = await respondToAppRequest(rendererDir, { url: 'app://carteira/', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('scheme registration', () => {
  it('registers app as standard, secure and fetchable, and handles it from the renderer folder', async () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(APP_SCHEME_DEFINITION.privileges).not.toHaveProperty('bypassCSP');

    let handler: ((request: Request) => Response | Promise<Response>) | undefined;
    serveAppProtocol({ handle: (scheme, h) => void (scheme === 'app' && (handler = h)) }, rendererDir);
    const response = await handler!({ url: 'app://carteira/', method: 'GET' } as Request);
    expect(response.status).toBe(200);
  });
});
