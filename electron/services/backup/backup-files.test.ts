import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, ipcContract } from '../../../shared/ipc';
import { createHandlers } from '../../ipc/handlers';
import { createTestServices } from '../../ipc/test-services';
import { createBackupFilesService } from './backup-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-backup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const chosen = (name = 'copia.carteira-backup') => createBackupFilesService({ showSaveDialog: async () => ({ canceled: false, filePath: join(dir, name) }) });

async function begin(service: ReturnType<typeof createBackupFilesService>): Promise<string> {
  const started = await service.begin('carteira-2026-12-03-0905.carteira-backup');
  if (!started.started) throw new Error('not started');
  return started.id;
}

describe('createBackupFilesService', () => {
  it('writes the chunks in order into a hidden temporary file and renames it over the target on finish', async () => {
    const asked: unknown[] = [];
    const service = createBackupFilesService({
      defaultDir: () => dir,
      showSaveDialog: async (options) => (asked.push(options), { canceled: false, filePath: options.defaultPath }),
    });
    const id = await begin(service);
    expect(asked).toEqual([
      { defaultPath: join(dir, 'carteira-2026-12-03-0905.carteira-backup'), filters: [{ name: 'Carteira', extensions: ['carteira-backup'] }] },
    ]);
    const chunks = Array.from({ length: 5 }, (_, i) => Uint8Array.from({ length: 10_000 + i }, (_, j) => (i * 31 + j) % 256));
    await Promise.all(chunks.map((c) => service.write(id, b64(c))));
    // Until finish, only the temporary file exists, never a half-written target.
    const during = await readdir(dir);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.carteira-2026-12-03-0905\.carteira-backup\..*\.tmp$/);
    expect(await service.finish(id)).toEqual({ path: join(dir, 'carteira-2026-12-03-0905.carteira-backup') });
    expect(await readdir(dir)).toEqual(['carteira-2026-12-03-0905.carteira-backup']);
    expect(new Uint8Array(await readFile(join(dir, 'carteira-2026-12-03-0905.carteira-backup')))).toEqual(Uint8Array.from(Buffer.concat(chunks)));
  });

  it('abort leaves nothing behind, and the session is gone', async () => {
    const service = chosen();
    const id = await begin(service);
    await service.write(id, b64(new Uint8Array(1000)));
    await service.abort(id);
    expect(await readdir(dir)).toEqual([]);
    await expect(service.write(id, 'AAAA')).rejects.toMatchObject({ code: 'backup_unknown_session' });
    await expect(service.finish(id)).rejects.toMatchObject({ code: 'backup_unknown_session' });
  });

  it('abortAll (the window closed mid-backup) deletes every temporary file', async () => {
    const service = chosen();
    const first = await begin(service);
    await begin(service);
    await service.write(first, b64(new Uint8Array(10)));
    expect(await readdir(dir)).toHaveLength(2);
    await service.abortAll();
    expect(await readdir(dir)).toEqual([]);
  });

  it('an oversized chunk is refused and the partial file removed; an existing file stays as it was', async () => {
    const service = createBackupFilesService({
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'old.carteira-backup') }),
      maxChunkBytes: 100,
    });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'old.carteira-backup'), 'previous backup');
    const id = await begin(service);
    await expect(service.write(id, b64(new Uint8Array(101)))).rejects.toMatchObject({ code: 'export_too_large' });
    expect(await readdir(dir)).toEqual(['old.carteira-backup']);
    expect(await readFile(join(dir, 'old.carteira-backup'), 'utf8')).toBe('previous backup');
  });

  it('answers cancelled when the dialog is closed and unsupported without a dialog (web mode)', async () => {
    expect(await createBackupFilesService({ showSaveDialog: async () => ({ canceled: true }) }).begin('a.carteira-backup')).toEqual({
      started: false,
      reason: 'cancelled',
    });
    expect(await createBackupFilesService().begin('a.carteira-backup')).toEqual({ started: false, reason: 'unsupported' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('through the IPC contract: chunks over the limit, bad base64 and made-up session ids are refused before the service', async () => {
    const services = await createTestServices({ platform: { backupFiles: chosen('via-ipc.carteira-backup') } });
    try {
      const handlers = createHandlers(services);
      const started = await dispatch(handlers, 'backup:begin', ['x.carteira-backup']);
      const value = ipcContract['backup:begin'].result.parse(started.ok && started.value);
      if (!value.started) throw new Error('not started');
      expect(await dispatch(handlers, 'backup:write', [value.id, b64(new Uint8Array(1024 * 1024 + 3))])).toMatchObject({
        ok: false,
        error: { code: 'invalid_arguments' },
      });
      expect(await dispatch(handlers, 'backup:write', [value.id, 'not base64!'])).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
      expect(await dispatch(handlers, 'backup:write', ['../../etc/passwd', 'AAAA'])).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
      expect(await dispatch(handlers, 'backup:write', ['0'.repeat(32), 'AAAA'])).toMatchObject({ ok: false, error: { code: 'backup_unknown_session' } });
      expect(await dispatch(handlers, 'backup:write', [value.id, b64(new TextEncoder().encode('olá'))])).toEqual({ ok: true, value: undefined });
      expect(await dispatch(handlers, 'backup:finish', [value.id])).toEqual({ ok: true, value: { path: join(dir, 'via-ipc.carteira-backup') } });
      expect(await readFile(join(dir, 'via-ipc.carteira-backup'), 'utf8')).toBe('olá');
    } finally {
      await rm(services.dir, { recursive: true, force: true });
    }
  });
});
