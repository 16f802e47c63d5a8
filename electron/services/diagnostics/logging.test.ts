import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NodeLogger } from 'electron-log';
import { configureMainLog, LOG_MAX_BYTES } from './logging';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('configureMainLog', () => {
  it('writes main console output to a rotating file in the user-data folder and remembers the last errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-log-'));
    dirs.push(dir);
    const log = createRequire(import.meta.url)('electron-log/node') as NodeLogger;
    log.transports.console.level = false;
    const fakeConsole = {} as Console;
    const mainLog = configureMainLog(log, { userDataDir: dir, console: fakeConsole });
    expect(mainLog.file).toBe(join(dir, 'logs', 'main.log'));
    expect(log.transports.file.maxSize).toBe(LOG_MAX_BYTES);

    fakeConsole.info('started');
    fakeConsole.warn('security: refused IPC from https://evil.example');
    fakeConsole.error('sync failed:', new Error('timeout'));
    await new Promise((r) => setTimeout(r, 50));

    expect(existsSync(mainLog.file)).toBe(true);
    const text = readFileSync(mainLog.file, 'utf8');
    expect(text).toContain('started');
    expect(text).toContain('refused IPC');
    const errors = mainLog.recentErrors();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/warn security: refused IPC/);
    expect(errors[1]).toMatch(/error sync failed: Error: timeout/);
  });
});
