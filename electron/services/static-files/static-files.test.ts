import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, readStaticFile, resolveStaticPath } from './static-files';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carteira-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(root, '.env'), 'TOKEN=1');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveStaticPath', () => {
  it('maps / to index.html and plain paths under the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/main.js?v=2#x')).toBe(join(root, 'assets', 'main.js'));
    expect(resolveStaticPath(root, '/assets/my%20file.js')).toBe(join(root, 'assets', 'my file.js'));
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../secret.txt',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/secret.txt',
    '/assets/..\\..\\secret.txt',
    '/assets/%5c..%5csecret.txt',
    '/index.html%00.png',
    '/C:/Windows/win.ini',
    '/.env',
    '/./index.html',
    '/%E0%A4%A',
    'index.html',
    '',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('readStaticFile', () => {
  it('reads a file with its content type', async () => {
    const file = await readStaticFile(root, '/assets/main.js');
    expect(file?.body.toString()).toBe('console.log(1)');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html for an extensionless client route, 404 for a missing asset', async () => {
    expect((await readStaticFile(root, '/accounts/123'))?.path).toBe(join(root, 'index.html'));
    expect(await readStaticFile(root, '/assets/missing.js')).toBeNull();
  });

  it('does not serve traversal, a directory, or a symlink leading out of the root', async () => {
    expect(await readStaticFile(root, '/../secret.txt')).toBeNull();
    expect(await readStaticFile(root, '/assets/link.txt')).toBeNull();
    expect((await readStaticFile(root, '/assets'))?.path).toBe(join(root, 'index.html'));
  });

  it('returns null when the root does not exist (renderer not built)', async () => {
    expect(await readStaticFile(join(base, 'nope'), '/')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer file types and falls back to octet-stream', () => {
    expect(contentTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
