import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/models';
import { DESIGN_DOC_ID, designDocFor } from '../../shared/couchdb/design-docs';
import { couchRequest, type CouchClient, type CouchCredentials } from '../../shared/couchdb/http';
import { teamSecurityObject } from '../../shared/couchdb/security';
import { teamDatabases } from '../../shared/couchdb/database-names';
import { checkDatabases, describeDatabaseProblems, provision, type ProvisionOptions } from '../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { accountAsPushed, productAsPushed } from './fixtures';

const ana: CouchCredentials = { user: 'ana', password: 'senha-da-ana' };
const catalogo: CouchCredentials = { user: 'catalogo', password: 'senha-do-catalogo' };
const eve: CouchCredentials = { user: 'eve', password: 'senha-da-eve' };

describe('provision', () => {
  let server: TestCouchServer;
  let acme: ProvisionOptions;
  const as = (auth?: CouchCredentials): CouchClient => ({ url: server.url, auth, timeoutMs: 5_000 });
  const admin = () => as(server.adminAuth);
  const revisions = async () => {
    const revs: Record<string, string> = {};
    for (const { collection: c, name } of teamDatabases('acme')) {
      revs[c] = ((await couchRequest(admin(), 'GET', `/${name}/${DESIGN_DOC_ID}`)).body as { _rev: string })._rev;
    }
    for (const u of ['ana', 'bruno', 'catalogo']) {
      revs[u] = ((await couchRequest(admin(), 'GET', `/_users/org.couchdb.user:${u}`)).body as { _rev: string })._rev;
    }
    return revs;
  };

  beforeAll(async () => {
    server = await startCouchServer();
    acme = {
      url: server.url,
      adminUser: server.adminAuth.user,
      adminPassword: server.adminAuth.password,
      team: 'acme',
      users: [
        { name: ana.user, password: ana.password, roles: ['manager'] },
        { name: 'bruno', password: 'senha-do-bruno', roles: ['manager'] },
        { name: catalogo.user, password: catalogo.password, roles: ['catalogue_admin'] },
      ],
      timeoutMs: 5_000,
    };
  });
  afterAll(() => server?.stop());

  it('tells which databases are missing before provisioning', async () => {
    const problems = await checkDatabases(admin(), 'acme');
    expect(problems.map((p) => p.database)).toEqual([...COLLECTION_NAMES.map((c) => `acme-${c}`), 'acme-conflicts']);
    expect(problems.every((p) => p.problem === 'missing' && p.status === 404)).toBe(true);
    expect(describeDatabaseProblems(problems)).toMatch(/^the server has no database acme-accounts, acme-contacts, .*; run provisioning/);
  });

  it("creates every database of COLLECTIONS and the team's conflict log with its _security and design doc, and the users", async () => {
    const report = await provision(acme);
    const created = report.changes.filter((c) => c.kind === 'database-created').map((c) => (c as { database: string }).database);
    expect(created.sort()).toEqual([...COLLECTION_NAMES.map((c) => `acme-${c}`), 'acme-conflicts'].sort());
    expect(report.changes.filter((c) => c.kind === 'security-set')).toHaveLength(COLLECTION_NAMES.length + 1);
    expect(report.changes.filter((c) => c.kind === 'design-doc-set')).toHaveLength(COLLECTION_NAMES.length + 1);
    expect(report.changes.filter((c) => c.kind === 'user-created').map((c) => (c as { user: string }).user)).toEqual(['ana', 'bruno', 'catalogo']);

    const allDbs = (await couchRequest(admin(), 'GET', '/_all_dbs')).body as string[];
    for (const { collection: c, name } of teamDatabases('acme')) {
      expect(allDbs).toContain(name);
      expect((await couchRequest(admin(), 'GET', `/${name}/_security`)).body).toEqual(teamSecurityObject('acme'));
      const ddoc = (await couchRequest(admin(), 'GET', `/${name}/${DESIGN_DOC_ID}`)).body;
      expect(ddoc).toMatchObject({ language: 'javascript', validate_doc_update: designDocFor('acme', c).validate_doc_update });
    }
    const anaDoc = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:ana')).body;
    expect(anaDoc).toMatchObject({ name: 'ana', type: 'user', roles: ['team:acme', 'acme:manager'] });
    expect(anaDoc).not.toHaveProperty('password');
    expect(await checkDatabases(as(ana), 'acme')).toEqual([]);
  });

  it('a second run changes nothing and moves no revision', async () => {
    const before = await revisions();
    const report = await provision(acme);
    expect(report.changes).toEqual([]);
    expect(await revisions()).toEqual(before);
  });

  it('repairs drift: a changed design doc, _security, role or password is put back, and only that', async () => {
    const ddocPath = `/acme-deals/${DESIGN_DOC_ID}`;
    const ddoc = (await couchRequest(admin(), 'GET', ddocPath)).body as Record<string, unknown>;
    await couchRequest(admin(), 'PUT', ddocPath, { ...ddoc, validate_doc_update: 'function () {}' });
    await couchRequest(admin(), 'PUT', '/acme-cases/_security', { members: { roles: ['team:acme', 'intruder'] } });
    const bruno = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:bruno')).body as Record<string, unknown>;
    await couchRequest(admin(), 'PUT', '/_users/org.couchdb.user:bruno', { ...bruno, roles: ['team:other'], password: 'changed' });

    const report = await provision(acme);
    expect(report.changes).toEqual([
      // Changes come in COLLECTIONS order (deals before cases), then users.
      { kind: 'design-doc-set', database: 'acme-deals', rev: expect.stringMatching(/^3-/) },
      { kind: 'security-set', database: 'acme-cases' },
      { kind: 'user-updated', user: 'bruno', fields: ['roles', 'password'] },
    ]);
    // Another team's membership is kept; this team's membership and role come back.
    const repaired = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:bruno')).body as { roles: string[] };
    expect(repaired.roles.sort()).toEqual(['acme:manager', 'team:acme', 'team:other']);
    expect((await couchRequest(as(), 'POST', '/_session', { name: 'bruno', password: 'senha-do-bruno' })).status).toBe(200);
    expect((await provision(acme)).changes).toEqual([]);
  });

  it('refuses credentials that are not a server admin', async () => {
    await expect(provision({ ...acme, adminUser: 'ana', adminPassword: ana.password })).rejects.toThrow(/not a server admin/);
    await expect(provision({ ...acme, adminPassword: 'wrong' })).rejects.toThrow(/not a server admin/);
  });

  it('rejects bad input before touching the server', async () => {
    await expect(provision({ ...acme, team: 'Acme Corp' })).rejects.toThrow(/Invalid team id/);
    await expect(provision({ ...acme, users: [{ name: 'x', password: 'p', roles: ['boss' as 'manager'] }] })).rejects.toThrow(/unknown role/);
  });

  describe('what the provisioned server enforces', () => {
    beforeAll(async () => {
      await provision({ ...acme, team: 'other', users: [{ name: eve.user, password: eve.password, roles: ['manager'] }] });
    });

    it('CouchDB _session login works for every provisioned user', async () => {
      for (const [user, roles] of [
        [ana, ['team:acme', 'acme:manager']],
        [catalogo, ['team:acme', 'acme:catalogue_admin']],
        [eve, ['team:other', 'other:manager']],
      ] as const) {
        const login = await couchRequest(as(), 'POST', '/_session', { name: user.user, password: user.password });
        expect(login).toEqual({ status: 200, body: { ok: true, name: user.user, roles } });
      }
      expect((await couchRequest(as(), 'POST', '/_session', { name: 'ana', password: 'wrong' })).status).toBe(401);
    });

    it('a manager writes accounts', async () => {
      const account = accountAsPushed();
      const write = await couchRequest(as(ana), 'PUT', `/acme-accounts/${String(account._id)}`, account);
      expect(write.status).toBe(201);
      expect((await couchRequest(as(ana), 'GET', `/acme-accounts/${String(account._id)}`)).body).toMatchObject({ name: account.name });
    });

    it('a manager cannot write products (403) but a catalogue admin can', async () => {
      const product = productAsPushed('PAR-0002');
      const byManager = await couchRequest(as(ana), 'PUT', `/acme-products/${String(product._id)}`, product);
      expect(byManager.status).toBe(403);
      expect(byManager.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('acme:catalogue_admin') });
      const byCatalogueAdmin = await couchRequest(as(catalogo), 'PUT', `/acme-products/${String(product._id)}`, product);
      expect(byCatalogueAdmin.status).toBe(201);
      const rev = (byCatalogueAdmin.body as { rev: string }).rev;
      expect((await couchRequest(as(ana), 'DELETE', `/acme-products/${String(product._id)}?rev=${rev}`)).status).toBe(403);
      // …and everyone on the team pulls it.
      expect((await couchRequest(as(ana), 'GET', `/acme-products/${String(product._id)}`)).status).toBe(200);
    });

    it('a document missing a required field is rejected, also in a replication-style _bulk_docs', async () => {
      const { ownerId: _ownerId, ...account } = accountAsPushed('Sem Dono SA');
      const put = await couchRequest(as(ana), 'PUT', `/acme-accounts/${String(account._id)}`, account);
      expect(put.status).toBe(403);
      expect(put.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('ownerId') });
      const good = accountAsPushed('Completa SA');
      const bulk = await couchRequest(as(ana), 'POST', '/acme-accounts/_bulk_docs', { docs: [account, good] });
      expect(bulk.status).toBe(201);
      expect(bulk.body).toEqual([expect.objectContaining({ id: account._id, error: 'forbidden' }), expect.objectContaining({ id: good._id, ok: true })]);
    });

    it('a deletion stub always passes', async () => {
      const account = accountAsPushed('Apagada Ltda');
      const path = `/acme-accounts/${String(account._id)}`;
      const created = (await couchRequest(as(ana), 'PUT', path, account)).body as { rev: string };
      const stub = await couchRequest(as(ana), 'POST', '/acme-accounts/_bulk_docs', { docs: [{ _id: account._id, _rev: created.rev, _deleted: true }] });
      expect(stub.body).toEqual([expect.objectContaining({ id: account._id, ok: true })]);
      expect((await couchRequest(as(ana), 'GET', path)).status).toBe(404);

      const product = productAsPushed('PAR-0003');
      const productPath = `/acme-products/${String(product._id)}`;
      const productRev = ((await couchRequest(as(catalogo), 'PUT', productPath, product)).body as { rev: string }).rev;
      expect((await couchRequest(as(catalogo), 'DELETE', `${productPath}?rev=${productRev}`)).status).toBe(200);
    });

    it("a user of another team cannot read or write the team's databases", async () => {
      for (const { name } of teamDatabases('acme')) {
        expect([401, 403]).toContain((await couchRequest(as(eve), 'GET', `/${name}/_all_docs`)).status);
        expect([401, 403]).toContain((await couchRequest(as(eve), 'GET', `/${name}/_changes`)).status);
      }
      expect([401, 403]).toContain((await couchRequest(as(eve), 'PUT', '/acme-accounts/by-eve', accountAsPushed())).status);
      expect([401, 403]).toContain((await couchRequest(as(), 'GET', '/acme-accounts/_all_docs')).status);
      // …while eve works in her own team's databases.
      expect((await couchRequest(as(eve), 'GET', '/other-accounts/_all_docs')).status).toBe(200);
      expect((await checkDatabases(as(eve), 'acme')).map((p) => p.problem)).toEqual(teamDatabases('acme').map(() => 'forbidden'));
    });
  });

  describe('roles per team', () => {
    const cat2 = { name: catalogo.user, password: catalogo.password };
    beforeAll(async () => {
      await provision({
        ...acme,
        team: 'beta',
        users: [
          { ...cat2, roles: ['manager'] },
          { name: ana.user, password: ana.password, roles: ['catalogue_admin'] },
        ],
      });
    });

    it("provisioning one team adds only that team's roles and keeps the other team's", async () => {
      const doc = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:catalogo')).body as { roles: string[] };
      expect(doc.roles.sort()).toEqual(['acme:catalogue_admin', 'beta:manager', 'team:acme', 'team:beta']);
      // Provisioning acme again leaves beta's roles alone, and beta's run had left acme's.
      expect((await provision(acme)).changes).toEqual([]);
      const again = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:catalogo')).body as { roles: string[] };
      expect(again.roles.sort()).toEqual(doc.roles.sort());
    });

    it("a catalogue admin of one team cannot write another team's products", async () => {
      const product = productAsPushed('PAR-0100');
      const inBeta = await couchRequest(as(catalogo), 'PUT', `/beta-products/${String(product._id)}`, product);
      expect(inBeta.status).toBe(403);
      expect(inBeta.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('beta:catalogue_admin') });
      expect((await couchRequest(as(catalogo), 'PUT', `/acme-products/${String(product._id)}`, product)).status).toBe(201);
      // ana is catalogue admin of beta only.
      const byAna: Record<string, unknown> = { ...productAsPushed('PAR-0101'), updatedBy: 'ana' };
      expect((await couchRequest(as(ana), 'PUT', `/beta-products/${String(byAna._id)}`, byAna)).status).toBe(201);
      expect((await couchRequest(as(ana), 'PUT', `/acme-products/${String(byAna._id)}`, byAna)).status).toBe(403);
    });

    it("removes the first scheme's global roles, which would read as every team's", async () => {
      const bruno = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:bruno')).body as Record<string, unknown>;
      await couchRequest(admin(), 'PUT', '/_users/org.couchdb.user:bruno', { ...bruno, roles: ['team:acme', 'manager', 'catalogue_admin', 'site-role'] });
      const report = await provision(acme);
      expect(report.changes).toEqual([{ kind: 'user-updated', user: 'bruno', fields: ['roles'] }]);
      const repaired = (await couchRequest(admin(), 'GET', '/_users/org.couchdb.user:bruno')).body as { roles: string[] };
      expect(repaired.roles.sort()).toEqual(['acme:manager', 'site-role', 'team:acme']);
    });

    it('refuses team ids whose roles would collide with membership roles', async () => {
      await expect(provision({ ...acme, team: 'team' })).rejects.toThrow(/Invalid team id/);
      await expect(provision({ ...acme, team: 'team-admin' })).rejects.toThrow(/Invalid team id/);
    });
  });

  describe('the author of a change', () => {
    it("must be the signed-in user: a member cannot pass an edit off as a colleague's", async () => {
      const forged: Record<string, unknown> = { ...accountAsPushed('Forjada SA'), updatedBy: 'bruno' };
      const put = await couchRequest(as(ana), 'PUT', `/acme-accounts/${String(forged._id)}`, forged);
      expect(put.status).toBe(403);
      expect(put.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('updatedBy must be the signed-in user ana') });
      const bulk = await couchRequest(as(ana), 'POST', '/acme-accounts/_bulk_docs', { docs: [forged] });
      expect(bulk.body).toEqual([expect.objectContaining({ id: forged._id, error: 'forbidden' })]);
      expect((await couchRequest(as(ana), 'PUT', `/acme-accounts/${String(forged._id)}`, { ...forged, updatedBy: 'ana' })).status).toBe(201);
      // A server admin (scripts, seeding) may write any author.
      const seeded: Record<string, unknown> = { ...accountAsPushed('Semeada SA'), updatedBy: 'seed' };
      expect((await couchRequest(admin(), 'PUT', `/acme-accounts/${String(seeded._id)}`, seeded)).status).toBe(201);
    });
  });
});
