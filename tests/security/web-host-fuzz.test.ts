/**
 * Fuzz of the web host over real HTTP and WebSocket (a real startWebHost on a loopback port):
 * every IPC channel with hostile arguments and bodies, hostile channel names, hostile static
 * paths (traversal, encoded NULs and slashes, backslashes, absolute paths, very long and unicode
 * paths) and hostile socket frames — with this launch's cookie and without. Expected: clean
 * refusals (no 500, no stack trace, an envelope the renderer translates), nothing outside the
 * renderer folder ever served, and without the cookie nothing at all but the 401 page.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host';
import { rawRequest, upgrade } from '../helpers/http-client';
import {
  anyJson,
  argsFor,
  createFuzzServices,
  envelopeProblem,
  IPC_CHANNELS,
  nastyString,
  percentEncode,
  signIn,
  unknownChannel,
  withinBounds,
  type SideEffects,
} from './ipc-fuzz-fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** Markers of what must never be served: files outside the renderer folder, and its dotfiles. */
const SECRETS = ['SECRET-OUTSIDE', 'SECRET-SIBLING', 'SECRET-DOTENV', 'SECRET-LINKED'];
const APP_FILES = ['<title>APP-SHELL</title>', 'export const marker = "APP-JS"'];

let base: string;
let host: WebHost;
let port: number;
let effects: SideEffects;
let exportDir: string;
let services: Awaited<ReturnType<typeof createFuzzServices>>['services'];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
const consoleError = vi.spyOn(console, 'error');

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  base = await mkdtemp(join(tmpdir(), 'carteira-host-fuzz-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(join(base, 'renderer-private'));
  await writeFile(join(rendererDir, 'index.html'), APP_FILES[0]!);
  await writeFile(join(rendererDir, 'assets', 'app.js'), APP_FILES[1]!);
  await writeFile(join(rendererDir, '.env'), 'SECRET-DOTENV');
  await writeFile(join(base, 'secret.txt'), 'SECRET-OUTSIDE');
  await writeFile(join(base, 'linked.txt'), 'SECRET-LINKED');
  await writeFile(join(base, 'renderer-private', 'secret.txt'), 'SECRET-SIBLING');
  await symlink(join(base, 'linked.txt'), join(rendererDir, 'assets', 'link.txt'));
  ({ services, effects, exportDir } = await createFuzzServices());
  host = await startWebHost({ port: 0, dataDir: services.dir, rendererDir, services });
  port = Number(new URL(host.origin).port);
  await signIn((channel, ...args) => postIpc(encodeURIComponent(channel), JSON.stringify({ args }), host.cookie).then((r) => JSON.parse(r.text)));
  effects.fetched.length = 0;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  consoleError.mockRestore();
  await host?.close();
  await rm(base, { recursive: true, force: true });
  await rm(services.dir, { recursive: true, force: true });
  await rm(exportDir, { recursive: true, force: true });
});

const ownOrigin = () => `http://127.0.0.1:${port}`;

function postIpc(channelInPath: string, body: string, cookie?: string) {
  return rawRequest(port, {
    method: 'POST',
    path: `/ipc/${channelInPath}`,
    headers: { Origin: ownOrigin(), 'x-carteira-bridge': '1', 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });
}

/** A request line written byte for byte on a socket: node:http and fetch would refuse or normalise these paths. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Node's parser resets the connection of a request line over its header limit, sometimes
      // before its 431 is read: an answer of nothing (DROPPED), only allowed for such lines below.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      if (status === DROPPED && Buffer.byteLength(path) < HEADER_LIMIT) reject(new Error(`no answer to a ${path.length}-character path`));
      else resolve({ status, head, body: split === -1 ? '' : text.slice(split + 4) });
    });
    const lines = Object.entries({ Host: `127.0.0.1:${port}`, Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    // Written, not ended: a client that half-closes first has its request aborted by node:http
    // (httpAllowHalfOpen is off) before an asynchronous answer is written, and browsers never do.
    socket.write(Buffer.from(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`, 'utf8'));
  });
}

const STACK_FRAME = /\n\s+at .+[:(]/;
/**
 * No answer at all: Node's parser cuts a request line over its 16 KiB header limit, and the reset
 * can overtake its 431 on the wire. A refusal too (checked: only for such long lines).
 */
const DROPPED = 0;
/** Node's default maximum header size (--max-http-header-size): the request line counts in it. */
const HEADER_LIMIT = 16 * 1024;

/** Segments that try to climb out of the renderer folder or confuse the path decoder. */
const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2E',
    '.%2e',
    '%2e.',
    '%252e%252e',
    '..%2f',
    '..%2F',
    '..%5c',
    '..\\',
    '%2f',
    '%5c',
    '\\',
    '%00',
    '%',
    '%zz',
    '%c0%af',
    '%c0%ae%c0%ae',
    '%e2%88%95',
    '\u2215',
    '\uff0e\uff0e',
    'secret.txt',
    'renderer-private',
    'renderer',
    'index.html',
    'assets',
    'app.js',
    'link.txt',
    'linked.txt',
    '.env',
    'C:',
    'c:%5c',
    'etc',
    'passwd',
    'ñ',
    '🧾',
    'CON',
    'index.html%00.js',
    'index.html%00',
    'index.html::$DATA',
    '~',
    '',
    'a'.repeat(300),
    '%61'.repeat(100),
  ),
  nastyString.map((s) => percentEncode(s).slice(0, 400)),
);

const staticPath = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom('/', '//', '/\\', '/./', '/../'), fc.array(segment, { maxLength: 8 }), fc.constantFrom('/', '\\', '%2f', '/./'))
      .map(([start, segs, sep]) => start + segs.join(sep)),
  },
  { weight: 1, arbitrary: fc.constantFrom('*', 'index.html', 'http://127.0.0.1:PORT/../secret.txt', 'http://evil.example/', '/ipcx', '/events/..', '/ws') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('BASE/secret.txt', 'BASE%2fsecret.txt', 'BASE/renderer/../secret.txt', 'BASE/renderer-private/secret.txt').map((p) => p),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `/${'a/'.repeat(n / 2)}`) },
);

/** The path as sent, with the placeholders filled and sometimes a query (the right token included). */
const requestTarget = fc
  .tuple(staticPath, fc.constantFrom('', '', '?x=1', '#frag', '?token=WRONG', '?token=RIGHT', '?token=RIGHT&token=RIGHT', '?a=%00&token=RIGHT'))
  .map(([path, query]) => ({ path, query }));

function fill({ path, query }: { path: string; query: string }): string {
  const filled = path.replace('PORT', String(port)).replace(/^BASE/, `/${base.replace(/^\//, '')}`);
  return (filled + query.replaceAll('RIGHT', host.token).replace('WRONG', 'x'.repeat(43))).replace(/[\s]/g, '%20');
}

describe('static paths', () => {
  it('with the cookie: only files of the renderer folder, else a clean 4xx; never 500, never outside', async () => {
    await fc.assert(
      fc.asyncProperty(requestTarget, async (target) => {
        const path = fill(target);
        const reply = await rawGet(path, { Cookie: host.cookie });
        expect([200, 302, 400, 401, 404, 414, 431, DROPPED], `${reply.status} for ${path.slice(0, 200)}`).toContain(reply.status);
        for (const secret of SECRETS) expect(reply.body).not.toContain(secret);
        expect(reply.body).not.toMatch(STACK_FRAME);
        if (reply.status === 200) expect(APP_FILES).toContain(reply.body);
        if (reply.status === 302) expect(/\r\nLocation: (.*)/i.exec(reply.head)?.[1]).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('without the cookie: the 401 page (or a 302 trading the right token), never a file', async () => {
    await fc.assert(
      fc.asyncProperty(requestTarget, fc.constantFrom('', 'carteira-token-1=x', `carteira-token-${0}=`, 'carteira-token=abc'), async (target, cookie) => {
        const path = fill(target);
        const reply = await rawGet(path, cookie ? { Cookie: cookie } : {});
        const tradesToken = target.query.includes('RIGHT') && !target.query.includes('WRONG');
        expect(tradesToken ? [302, 400, 401, 414, 431, DROPPED] : [400, 401, 414, 431, DROPPED], `${reply.status} for ${path.slice(0, 200)}`).toContain(
          reply.status,
        );
        for (const marker of [...SECRETS, ...APP_FILES]) expect(reply.body).not.toContain(marker);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

/** A channel as it may appear in the URL: encoded, raw, or doubly encoded. */
const channelInPath = (channel: string) =>
  fc.constantFrom(percentEncode(channel), channel.replace(/[^\x21-\x7e]+/g, percentEncode), percentEncode(percentEncode(channel)));

/** The parser's reset of an over-long request line, which can overtake its 431: no answer at all. */
function droppedOnReset(error: NodeJS.ErrnoException): { status: number; text: string } {
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return { status: DROPPED, text: '' };
  throw error;
}

/** Bodies: the contract's `{args}` with hostile arguments, or not JSON, or the wrong JSON. */
const ipcBody = (channel: string) =>
  fc.oneof(
    { weight: 5, arbitrary: argsFor(channel, anyJson).map((args) => JSON.stringify({ args })) },
    { weight: 1, arbitrary: anyJson.map((args) => JSON.stringify({ args })) },
    { weight: 1, arbitrary: fc.oneof(nastyString, fc.constantFrom('{', '[]', 'null', '"args"', '{"args":null}', '{"__proto__":{"args":[]}}', '\u0000')) },
  );

describe('POST /ipc/<channel>', () => {
  it('with the cookie: every channel answers hostile calls with a translatable envelope, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...IPC_CHANNELS), unknownChannel).chain((channel) => fc.tuple(fc.constant(channel), channelInPath(channel), ipcBody(channel))),
        async ([channel, inPath, body]) => {
          const { result: reply, problem } = await withinBounds(services, effects, exportDir, () => postIpc(inPath, body, host.cookie).catch(droppedOnReset));
          expect(problem).toBeNull();
          expect(reply.text).not.toMatch(STACK_FRAME);
          // A request line over Node's 16 KiB limit is refused by its parser before the host sees it.
          if (inPath.length > 16_000) {
            expect([400, 414, 431, DROPPED]).toContain(reply.status);
            return;
          }
          expect([200, 400, 413], `${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
          let decoded: string;
          try {
            decoded = decodeURIComponent(inPath);
          } catch {
            decoded = inPath;
          }
          expect(envelopeProblem(decoded, JSON.parse(reply.text))).toBeNull();
          if (decoded !== channel) expect(JSON.parse(reply.text)).toMatchObject({ ok: false });
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it('without the cookie: 401 web_session_required and no handler runs', async () => {
    const settingsBefore = await services.settings.get();
    const seen = { ...effects, fetched: [...effects.fetched], opened: [...effects.opened], suggested: [...effects.suggested] };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IPC_CHANNELS).chain((channel) => fc.tuple(channelInPath(channel), ipcBody(channel))),
        fc.constantFrom(undefined, 'carteira-token-1=x', `${host.cookie.split('=')[0]}=${'A'.repeat(43)}`, `${host.cookie}x`, `x${host.cookie}`),
        async ([inPath, body], cookie) => {
          const reply = await postIpc(inPath, body, cookie);
          expect(reply.status).toBe(401);
          expect(JSON.parse(reply.text)).toEqual({ ok: false, error: { code: 'web_session_required', message: expect.any(String) } });
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await services.settings.get()).toEqual(settingsBefore);
    expect(effects).toEqual(seen);
  });
});

/** One socket's life: sends the frames, then collects answers until each request is answered or the host closes it. */
async function throwFrames(frames: Array<string | Buffer>): Promise<{ answers: unknown[]; closedWith?: number; expected: number }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: ownOrigin(), headers: { Cookie: host.cookie } });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
  const answers: unknown[] = [];
  const expected = frames.filter((f) => typeof f === 'string' && isRequest(f)).length;
  const done = new Promise<number | undefined>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: unknown };
      if ('id' in message) answers.push(message);
      if (answers.length === expected && frames.every((f) => typeof f === 'string' && isRequest(f))) resolve(undefined);
    });
    socket.once('close', (code) => resolve(code));
  });
  for (const frame of frames) socket.send(frame, { binary: typeof frame !== 'string' });
  const closedWith = await done;
  socket.terminate();
  return { answers, closedWith, expected };
}

function isRequest(frame: string): boolean {
  try {
    const parsed = JSON.parse(frame) as { id?: unknown; channel?: unknown };
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Number.isSafeInteger(parsed.id) && typeof parsed.channel === 'string';
  } catch {
    return false;
  }
}

const socketFrame = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .oneof(fc.constantFrom(...IPC_CHANNELS), unknownChannel)
      .chain((channel) => fc.tuple(fc.oneof(fc.nat(), fc.constantFrom(-1, 0, 2 ** 53 - 1)), fc.constant(channel), argsFor(channel, anyJson)))
      .map(([id, channel, args]) => JSON.stringify({ id, channel, args })),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      nastyString,
      fc.constantFrom('{', '[1,"app:info",[]]', '{"id":1.5,"channel":"app:info"}', '{"id":"1","channel":"app:info"}', '{"id":1,"channel":7}', 'null'),
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
);

describe('the WebSocket /ws', () => {
  it('with the cookie: answers each request with a translatable envelope or closes cleanly on a malformed frame', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(socketFrame, { minLength: 1, maxLength: 5 }), async (frames) => {
        const { result, problem } = await withinBounds(services, effects, exportDir, () => throwFrames(frames));
        const { answers, closedWith, expected } = result;
        expect(problem).toBeNull();
        if (closedWith === undefined) expect(answers).toHaveLength(expected);
        else expect([1003, 1008, 1009]).toContain(closedWith);
        for (const answer of answers) {
          const { id, envelope } = answer as { id: number; envelope: unknown };
          // Ids may repeat: the answer must fit one of the requests that carried its id.
          const sent = frames
            .flatMap((f) => (typeof f === 'string' && isRequest(f) ? [JSON.parse(f) as { id: number; channel: string }] : []))
            .filter((r) => r.id === id);
          const problems = sent.map((r) => envelopeProblem(r.channel, envelope));
          expect(problems.length > 0 && problems.some((p) => p === null), String(problems)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // And the host is still there.
    const { answers } = await throwFrames([JSON.stringify({ id: 1, channel: 'app:info', args: [] })]);
    expect(answers).toMatchObject([{ id: 1, envelope: { ok: true } }]);
  });

  it('without the cookie: every upgrade is refused, whatever the Origin, path or cookie', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ownOrigin,
          () => `http://localhost:${port}`,
          () => 'https://evil.example',
          () => 'null',
        ),
        fc.oneof(
          fc.constant(''),
          fc.stringMatching(/^[!-:<-~]{0,60}$/),
          fc.constantFrom('carteira-token-PORT=', 'carteira-token-PORT=' + 'A'.repeat(43), 'carteira-token-1=TOKEN', 'token=TOKEN'),
        ),
        fc.constantFrom('/ws', '/ws?token=TOKEN', '/ws/', '/WS', '/events', '/ipc/app:info', '/'),
        async (origin, cookie, path) => {
          const fillIn = (s: string) => s.replace('PORT', String(port)).replace('TOKEN', host.token);
          const headers: Record<string, string> = { Origin: origin() };
          if (cookie) headers.Cookie = fillIn(cookie);
          const result = await upgrade(port, headers, fillIn(path));
          expect(result.status).not.toBe('open');
          expect([400, 401, 403, 404]).toContain(result.status);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the host afterwards', () => {
  it('logged no failed request, left no unhandled rejection and still answers', async () => {
    expect(consoleError.mock.calls.filter(([first]) => String(first).includes('web host'))).toEqual([]);
    expect(unhandled).toEqual([]);
    const reply = await postIpc('app:info', '{"args":[]}', host.cookie);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true });
  });
});
