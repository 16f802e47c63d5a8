import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { provision } from '../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { accountAsPushed } from './fixtures';

/** Just what this test uses of PouchDB 9 (it ships no types). */
interface PeerDB {
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; rev: string }>;
  get(id: string): Promise<Record<string, unknown> & { _rev: string }>;
  remove(doc: { _id: string; _rev: string }): Promise<unknown>;
  replicate: { to(target: string | PeerDB, options?: object): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number; errors: unknown[] }> };
  close(): Promise<void>;
}
type PeerDBConstructor = new (name: string, options?: object) => PeerDB;
const PouchDB = createRequire(import.meta.url)('pouchdb') as PeerDBConstructor;

/**
 * Another CouchDB client (DESIGN.md §6: PouchDB as a peer) against a provisioned server: member
 * credentials must be enough for the whole replication protocol under `_security`, and the
 * deletion stub such a client pushes must pass validate_doc_update.
 */
describe('a PouchDB peer on a provisioned server', () => {
  let server: TestCouchServer;
  let peerDir: string;
  const remote = (user: string, password: string, db: string) => new PouchDB(`${server.url}/${db}`, { auth: { username: user, password }, skip_setup: true });

  beforeAll(async () => {
    server = await startCouchServer();
    peerDir = mkdtempSync(join(tmpdir(), 'carteira-peer-'));
    await provision({
      url: server.url,
      adminUser: server.adminAuth.user,
      adminPassword: server.adminAuth.password,
      team: 'acme',
      users: [{ name: 'ana', password: 'senha', roles: ['manager'] }],
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (peerDir) rmSync(peerDir, { recursive: true, force: true });
  });

  it('pushes a document and then its deletion stub with member credentials', async () => {
    const local = new PouchDB(join(peerDir, 'accounts'));
    const target = remote('ana', 'senha', 'acme-accounts');
    try {
      const account = accountAsPushed('Par Ltda');
      await local.put(account);
      const pushed = await local.replicate.to(target);
      expect(pushed).toMatchObject({ ok: true, docs_written: 1, doc_write_failures: 0 });

      await local.remove((await local.get(String(account._id))) as { _id: string; _rev: string });
      const deleted = await local.replicate.to(target);
      expect(deleted).toMatchObject({ ok: true, docs_written: 1, doc_write_failures: 0 });
      // Stock pouchdb-server acknowledged this push but kept the live document (see pouchdb-server-entry.cjs, fix 3).
      const admin = { url: server.url, auth: server.adminAuth, timeoutMs: 5_000 };
      expect((await couchRequest(admin, 'GET', `/acme-accounts/${String(account._id)}`)).status).toBe(404);
      const changes = (await couchRequest(admin, 'GET', '/acme-accounts/_changes')).body as { results: { id: string; deleted?: boolean }[] };
      expect(changes.results.find((r) => r.id === account._id)).toMatchObject({ deleted: true });
    } finally {
      await local.close();
      await target.close();
    }
  });

  it('cannot push an incomplete document: the server refuses it and the peer reports the failure', async () => {
    const local = new PouchDB(join(peerDir, 'incomplete'));
    const target = remote('ana', 'senha', 'acme-accounts');
    try {
      await local.put({ _id: 'half', name: 'Só o nome' });
      const result = await local.replicate.to(target);
      expect(result.doc_write_failures).toBe(1);
      expect(result.docs_written).toBe(0);
    } finally {
      await local.close();
      await target.close();
    }
  });
});
