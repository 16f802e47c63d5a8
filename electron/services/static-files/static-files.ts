import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps the raw path of a request (as sent, still percent-encoded, possibly with a query) to a
 * file under `rootDir`, or null when it must be refused. Refuses instead of normalising: a
 * legitimate renderer never asks for `..`, `.` segments, encoded slashes, backslashes, NUL,
 * drive letters or dotfiles, so any of them means someone is probing.
 */
export function resolveStaticPath(rootDir: string, rawPath: string): string | null {
  const pathOnly = rawPath.split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return null;
  const file = join(rootDir, ...(segments.length === 0 ? ['index.html'] : segments));
  return isInside(rootDir, file) ? file : null;
}

function isInside(rootDir: string, file: string): boolean {
  const rel = relative(rootDir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A file ready to send. */
export interface StaticFile {
  path: string;
  contentType: string;
  body: Buffer;
}

/**
 * Reads what `rawPath` names under `rootDir`. An extensionless path that matches no file gets
 * index.html, so client-side routes survive a reload; refused or missing paths give null (404).
 */
export async function readStaticFile(rootDir: string, rawPath: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(rootDir, rawPath);
  if (file === null) return null;
  const found = (await readInside(rootDir, file)) ?? (extname(file) === '' ? await readInside(rootDir, join(rootDir, 'index.html')) : null);
  return found;
}

async function readInside(rootDir: string, file: string): Promise<StaticFile | null> {
  try {
    // A symlink inside the build output must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return null;
    return { path: file, contentType: contentTypeFor(file), body: await readFile(realFile) };
  } catch {
    return null;
  }
}
