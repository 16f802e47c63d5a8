import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { CouchCredentials } from '../../shared/couchdb/http';
import { waitForCouch } from './wait-for-couch';

/** pouchdb-server with Carteira's protocol fixes (see the file's header). */
const ENTRY = join(import.meta.dirname, 'pouchdb-server-entry.cjs');
const LOOPBACK = '127.0.0.1';

export interface PouchDBServerOptions {
  port: number;
  /** Holds config.json (hashed admin password), log.txt and, unless inMemory, `databases/`. */
  dataDir: string;
  /** Server admin. Without one pouchdb-server runs as an "admin party" where everyone is admin. */
  admin: CouchCredentials;
  /** Databases live in memory and vanish on stop (config and log still go to dataDir). */
  inMemory?: boolean;
  /** The server deletes dataDir when it exits, even if this process died first (temp dirs only). */
  ephemeral?: boolean;
  logLevel?: 'debug' | 'info' | 'warning' | 'error' | 'none';
  startTimeoutMs?: number;
}

export interface RunningPouchDBServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal) once the process has ended, for whatever reason. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it); the caller should bind it soon. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Writes the server's config.json: the admin (pouchdb-server hashes plain passwords when it
 * loads the file) and the log file. Other settings already in the file — the server uuid, earlier
 * admins — are kept, so a data folder survives restarts with the same identity.
 */
function writeServerConfig(options: PouchDBServerOptions, configFile: string, logFile: string): void {
  const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, Record<string, unknown>>) : {};
  config.admins = { ...config.admins, [options.admin.user]: options.admin.password };
  config.log = { ...config.log, file: logFile, level: options.logLevel ?? 'warning' };
  writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
}

/** Starts pouchdb-server on 127.0.0.1 in a child process and resolves once it answers. */
export async function startPouchDBServer(options: PouchDBServerOptions): Promise<RunningPouchDBServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const configFile = join(options.dataDir, 'config.json');
  const logFile = join(options.dataDir, 'log.txt');
  const databasesDir = join(options.dataDir, 'databases');
  mkdirSync(databasesDir, { recursive: true });
  writeServerConfig(options, configFile, logFile);

  const args = [ENTRY, '--host', LOOPBACK, '--port', String(options.port), '--dir', databasesDir, '--config', configFile, '--no-stdout-logs'];
  if (options.inMemory) args.push('--in-memory');
  const child = spawn(process.execPath, args, {
    cwd: options.dataDir,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NO_COLOR: '1', ...(options.ephemeral ? { CARTEIRA_EPHEMERAL_DATA_DIR: options.dataDir } : {}) },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exitDescription: string | null = null;
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exitDescription = `process exited (${signal ?? code})`;
      resolve(signal ?? code);
    });
  });
  const url = `http://${LOOPBACK}:${options.port}`;
  const stop = stopper(child, exited);

  try {
    await untilListening(child, options.startTimeoutMs ?? 15_000, () => output.trim());
    // Listening is not serving yet: wait for the first real answer, from our own process.
    await waitForCouch(url, {
      timeoutMs: options.startTimeoutMs ?? 15_000,
      abandoned: () => (exitDescription ? `${exitDescription}: ${output.trim()}` : null),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? -1, logFile, exited, stop };
}

type EntryMessage = { type: 'listening'; port: number } | { type: 'listen-error'; code?: string; message: string };

/** Waits for the entry's IPC report that its HTTP server is bound (see pouchdb-server-entry.cjs). */
function untilListening(child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`pouchdb-server did not listen within ${timeoutMs} ms: ${output()}`)), timeoutMs);
    const onMessage = (message: EntryMessage) => {
      if (message.type === 'listening') finish();
      else if (message.code === 'EADDRINUSE') finish(new Error(`pouchdb-server could not listen: port already in use (${message.message})`));
      else finish(new Error(`pouchdb-server could not listen: ${message.message}`));
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`pouchdb-server exited (${signal ?? code}) before listening: ${output()}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function stopper(child: ChildProcess, exited: Promise<unknown>): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(killTimer);
      }
      if (child.connected) child.disconnect();
    })();
    return stopping;
  };
}
