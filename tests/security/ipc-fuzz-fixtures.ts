/**
 * What the IPC fuzz tests share: real services over a temp folder with Electron's OS pieces and
 * CouchDB faked (nothing leaves the machine, nothing opens on the desktop), arbitraries of hostile
 * arguments for every channel of the contract, and the rule every answer must follow.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { teamDatabases } from '../../shared/couchdb/database-names';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { IPC_ERROR_CODES, ipcContract, isIpcChannel, type IpcEnvelope } from '../../shared/ipc';
import { createExportFilesService } from '../../electron/services/export-files';
import { createExternalLinksService } from '../../electron/services/external-links';
import { createNotificationsService } from '../../electron/services/notifications';
import { createTestServices } from '../../electron/ipc/test-services';
import type { IpcServices } from '../../electron/ipc/handlers';

export const FAKE_SERVER = 'https://couch.test:5984';
export const TEAM = 'acme';

/** A server and team the sync service may talk to: the configured one (before or after a call). */
export interface SyncTarget {
  url: string;
  team: string;
}

/** What is configured now; setConfig may change it, and then the new server is legitimately the target. */
export async function currentTarget(services: IpcServices): Promise<SyncTarget[]> {
  const config = await services.sync.getConfig();
  return config ? [{ url: config.url, team: config.team }] : [];
}

/** Every side effect the fuzzed calls caused, to check none went where it must not. */
export interface SideEffects {
  /** URLs the sync service fetched (on the fake CouchDB). */
  fetched: string[];
  /** Links handed to the OS. */
  opened: string[];
  notifications: number;
  /** Where the export suggested saving (the save dialog's default path). */
  suggested: string[];
}

/**
 * Real services (settings, sync with its URL checks, links, notifications, exports) wired as in
 * Electron, with fakes for what Electron or the network would do: a CouchDB that accepts any
 * request and opens sessions, `shell.openExternal`, `Notification`, and a save dialog where the
 * user just clicks Save: the file goes where the app suggested (unless that is outside `exportDir`,
 * which the side-effect check then reports, rather than letting the test write there).
 */
export async function createFuzzServices(): Promise<{ services: IpcServices & { dir: string }; effects: SideEffects; exportDir: string }> {
  const effects: SideEffects = { fetched: [], opened: [], notifications: 0, suggested: [] };
  const exportDir = await mkdtemp(join(tmpdir(), 'carteira-fuzz-export-'));
  await mkdir(exportDir, { recursive: true });
  const services = await createTestServices({
    fetch: async (input) => {
      effects.fetched.push(input);
      const isSession = new URL(input).pathname === '/_session';
      return new Response(JSON.stringify(isSession ? { ok: true, name: 'ana', roles: [] } : { ok: true }), {
        status: 200,
        headers: { 'content-type': 'application/json', ...(isSession ? { 'set-cookie': 'AuthSession=fuzz; Path=/; HttpOnly' } : {}) },
      });
    },
    platform: {
      externalLinks: createExternalLinksService({ openExternal: async (url) => void effects.opened.push(url) }),
      notifications: createNotificationsService({ createNotification: () => (effects.notifications++, { on: () => undefined, show: () => undefined }) }),
      exportFiles: createExportFilesService({
        defaultDir: () => exportDir,
        showSaveDialog: async ({ defaultPath }) => {
          effects.suggested.push(defaultPath);
          return isDirectlyInside(exportDir, defaultPath) ? { canceled: false, filePath: defaultPath } : { canceled: true };
        },
      }),
    },
  });
  return { services, effects, exportDir };
}

/** Configures the fake server and signs in, so sync:fetch reaches the proxy's own checks. */
export async function signIn(invoke: (channel: string, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>): Promise<void> {
  const config = await invoke('sync:setConfig', { url: FAKE_SERVER, team: TEAM, user: 'ana' });
  const session = await invoke('sync:signIn', { password: 's3nha' });
  if (!config.ok || !session.ok) throw new Error(`fuzz setup could not sign in: ${JSON.stringify([config, session])}`);
}

/** Runs one call and judges its side effects against the target configured before and after it. */
export async function withinBounds<T>(
  services: IpcServices,
  effects: SideEffects,
  exportDir: string,
  call: () => Promise<T>,
): Promise<{ result: T; problem: string | null }> {
  const before = await currentTarget(services);
  const result = await call();
  const after = await currentTarget(services);
  return { result, problem: sideEffectProblem(effects, exportDir, [...before, ...after]) };
}

/** Stack frames ("    at fn (file:line)") in an answer would mean an exception leaked as is. */
const STACK_FRAME = /\n\s+at .+[:(]/;
const TRANSLATABLE = new Set<string>(IPC_ERROR_CODES);

/**
 * The rule for every answer to every call: a success whose value matches the channel's result
 * schema, or a refusal whose code the renderer translates (`errors.<code>`) and is not `internal`
 * (an exception nobody meant). Returns what is wrong, or null.
 */
export function envelopeProblem(channel: string, envelope: unknown): string | null {
  if (typeof envelope !== 'object' || envelope === null) return `not an envelope: ${String(envelope)}`;
  const e = envelope as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (e.ok === true) {
    if (!isIpcChannel(channel)) return `success on unknown channel ${channel}`;
    const parsed = ipcContract[channel].result.safeParse(e.value);
    return parsed.success ? null : `result of ${channel} breaks its schema: ${parsed.error.message}`;
  }
  if (e.ok !== false || typeof e.error !== 'object' || e.error === null) return `malformed envelope ${JSON.stringify(envelope)}`;
  const { code, message } = e.error;
  if (typeof code !== 'string' || !TRANSLATABLE.has(code)) return `untranslatable code ${String(code)}`;
  if (code === 'internal') return `internal error: ${String(message)}`;
  if (typeof message !== 'string') return 'error without a message';
  if (STACK_FRAME.test(message)) return `stack trace in the message: ${message.slice(0, 200)}`;
  return null;
}

/**
 * The side effects must stay where the contract says, whatever the arguments were: requests only
 * to the configured server (its /_session, its /_up, or one of the team's databases), links only tel: and
 * mailto:, exports only right in the folder the dialog offers. Judges and then forgets the fetches.
 */
export function sideEffectProblem(effects: SideEffects, exportDir: string, targets: SyncTarget[]): string | null {
  const fetched = effects.fetched.splice(0);
  for (const url of fetched) {
    const allowed = targets.some(({ url: server, team }) => {
      if (!url.startsWith(`${server}/`)) return false;
      const rest = url.slice(server.length + 1).split(/[?#]/, 1)[0] ?? '';
      const database = rest.split('/', 1)[0] ?? '';
      // /_up: the connectivity probe (sync:checkNow) asks whether the server is up, nothing more.
      return rest === '_session' || rest === '_up' || teamDatabases(team).some(({ name }) => name === database);
    });
    if (!allowed) return `fetched outside the configured server and team: ${url.slice(0, 300)}`;
  }
  for (const url of effects.opened) if (!/^(tel|mailto):/.test(url)) return `handed to the OS: ${url}`;
  for (const file of effects.suggested) if (!isDirectlyInside(exportDir, file)) return `export suggested a path outside its folder: ${file}`;
  return null;
}

/** A file name right in `dir`: no separators, no dot segments, nothing that climbs out. */
function isDirectlyInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && rel !== '.' && rel !== '..' && rel === basename(file) && !isAbsolute(rel) && !/[\\/\0]/.test(rel);
}

// ── Arbitraries ───────────────────────────────────────────────────────────────────────────────

/** Strings attackers and broken clients send. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '%00',
  'a\u0000b',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '/etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://user:pass@evil.example/',
  `${FAKE_SERVER}/_users/_all_docs`,
  `${FAKE_SERVER}/acme-accounts/../_users/x`,
  `${FAKE_SERVER}/acme-accounts/%2e%2e/_config`,
  `${FAKE_SERVER}/acme-accounts%2f..%2f_users`,
  `${FAKE_SERVER}/other-accounts/_all_docs`,
  `${FAKE_SERVER}\\@evil.example/acme-accounts`,
  `${FAKE_SERVER}.evil.example/acme-accounts`,
  `https://couch.test:5985/acme-accounts/`,
  `${FAKE_SERVER}/acme-accounts/_changes?feed=longpoll`,
  `${FAKE_SERVER}/acme-accounts/\u0000`,
  'tel:+55 11 3333-4444',
  'tel:+55;phone-context=evil',
  'mailto:ana@empresa.com.br?bcc=all@x.com&body=%0d%0a',
  'mailto:a@b.c\r\nBcc: x@y.z',
  '<script>alert(1)</script>',
  '"; DROP TABLE accounts; --',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'CON',
  'NUL.txt',
  'aux.csv',
  '.env',
  '.',
  '..',
  '\u202eexe.txt',
  '\ud800',
  '\udfff\ud800',
  'é'.normalize('NFD'),
  '\uff0e\uff0e\uff0f',
  '🧾💸',
  'a'.repeat(300),
  'x'.repeat(70_000),
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.repeat(200)) },
);

/** Values of any type (structured-clone-able, as Electron's IPC carries them), prototype keys included. */
export const anyValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
    }),
  },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -0, 2 ** 53, -1, true, [], {}) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')) },
  { weight: 1, arbitrary: fc.constant(deepArray(5_000)) },
);

/** The same, limited to what JSON can carry (HTTP and WebSocket bodies). */
export const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')) },
);

function deepArray(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A hostile string cut to the schema's length, so it passes the type check and meets the services' own. */
const within = (max: number, min = 0) => nastyString.map((x) => (x.length < min ? x.padEnd(min, 'x') : x.slice(0, max)));

/**
 * `base` (arguments that pass the schema, with hostile content where the schema allows any
 * string) and its mutants: one field swapped for any value, dropped, or present as undefined, and
 * one stray key added as an own property (`__proto__` included, as JSON.parse makes it).
 */
function mutated(base: fc.Arbitrary<Record<string, unknown>>, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const pick = (o: Record<string, unknown>, i: number) => Object.keys(o)[i % Math.max(1, Object.keys(o).length)];
  return fc.oneof(
    { weight: 4, arbitrary: base },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.nat(), value).map(([o, i, v]) => {
        const key = pick(o, i);
        return key === undefined ? o : { ...o, [key]: v };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat()).map(([o, i]) => {
        const copy = { ...o };
        const key = pick(o, i);
        if (key !== undefined) delete copy[key];
        return copy;
      }),
    },
    // A key present with undefined: JSON drops it, Electron's structured clone keeps it.
    { weight: 1, arbitrary: fc.tuple(base, fc.nat()).map(([o, i]) => ({ ...o, [pick(o, i) ?? 'x']: undefined })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom('__proto__', 'constructor', 'admin', 'deviceId', 'path'), value)
        .map(([o, key, v]) => Object.defineProperty({ ...o }, key, { value: v, enumerable: true, configurable: true, writable: true })),
    },
  );
}

/** Arguments per channel with a payload: shapes the schema accepts, filled with hostile content, and their mutants. */
function nearValidArgs(value: fc.Arbitrary<unknown>): Record<string, fc.Arbitrary<unknown>> {
  const syncUrl = fc.oneof(
    within(16_384, 1),
    fc.constantFrom(
      `${FAKE_SERVER}/acme-accounts/`,
      `${FAKE_SERVER}/acme-contacts/_bulk_docs`,
      `${FAKE_SERVER}/acme-accounts/_changes?feed=longpoll&since=now`,
    ),
    within(2_000).map((tail) => `${FAKE_SERVER}/acme-accounts/${tail}`),
    within(2_000).map((tail) => `${FAKE_SERVER}/${tail}`),
  );
  return {
    'settings:set': mutated(
      fc.record(
        { locale: fc.constantFrom('pt-BR', 'pt-PT', 'en'), theme: fc.constantFrom('dark', 'light', 'auto'), userName: within(80) },
        { requiredKeys: [] },
      ),
      value,
    ),
    'sync:setConfig': mutated(
      fc.record({
        url: fc.oneof(
          fc.constant(FAKE_SERVER),
          within(200).map((x) => `${FAKE_SERVER}/${x}`),
          within(2_048),
        ),
        team: fc.oneof(fc.constantFrom(TEAM, 'a-b_c', 'z9'), within(64)),
        user: within(256, 1).map((x) => (x.trim() === '' ? `ana${x}` : x)),
      }),
      value,
    ),
    'sync:signIn': mutated(fc.record({ password: within(1_024, 1) }), value),
    'sync:fetch': mutated(
      fc
        .record({
          url: syncUrl,
          method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE'),
          headers: fc.dictionary(
            fc.oneof(within(256), fc.constantFrom('Authorization', 'Cookie', 'Host', 'content-type', 'Transfer-Encoding', 'x-couch-full-commit')),
            within(8_192),
            { maxKeys: 3 },
          ),
          body: fc.oneof(fc.constant(null), within(4_096)),
        })
        .map((r) => ((r.method === 'GET' || r.method === 'HEAD') && r.body !== null && r.url.length % 2 === 0 ? { ...r, body: null } : r)),
      value,
    ),
    'notify:show': mutated(fc.record({ activityId: fc.oneof(fc.constant('act-1'), within(40, 1)), title: within(200, 1), body: within(1_000) }), value),
    'export:save': mutated(
      fc.oneof(
        fc.record({
          fileName: fc.oneof(
            within(255, 1),
            within(250, 1).map((x) => `${x}.csv`),
          ),
          mimeType: fc.constantFrom('text/csv', 'text/vcard; charset=utf-8', 'application/pdf'),
          text: within(4_096),
        }),
        fc.record({
          fileName: within(255, 1),
          mimeType: fc.constantFrom('application/octet-stream', 'application/vnd.ms-excel'),
          contentBase64: fc.base64String({ maxLength: 64 }),
        }),
      ),
      value,
    ),
  };
}

/** Arguments for one channel: near-valid shapes, random values, wrong arity. */
export function argsFor(channel: string, value: fc.Arbitrary<unknown> = anyValue): fc.Arbitrary<unknown[]> {
  const random = fc.array(value, { maxLength: 3 });
  if (channel === 'shell:openExternal') return fc.oneof({ weight: 4, arbitrary: fc.tuple(within(65_536)) }, { weight: 1, arbitrary: random });
  const shapes = nearValidArgs(value);
  // Own keys only: the channel may be '__proto__' or 'constructor'.
  const near = Object.hasOwn(shapes, channel) ? shapes[channel] : undefined;
  // Channels without arguments: mostly none (they must still work), sometimes stray ones.
  if (!near) return fc.oneof({ weight: 2, arbitrary: fc.constant<unknown[]>([]) }, { weight: 1, arbitrary: random });
  return fc.oneof({ weight: 4, arbitrary: fc.tuple(near) }, { weight: 1, arbitrary: random }, { weight: 1, arbitrary: fc.tuple(near, value) });
}

/** Channel names that are not in the contract, including ones that look like object internals. */
export const unknownChannel = fc
  .oneof(
    nastyString,
    fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'fs:read', 'app:info ', 'APP:INFO', 'app:info\u0000', 'sync:fetch/../app:info'),
  )
  .filter((name) => !isIpcChannel(name));

/** Percent-encodes every byte outside the unreserved set (lone surrogates too, which encodeURIComponent throws on). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

export { IPC_CHANNELS };
