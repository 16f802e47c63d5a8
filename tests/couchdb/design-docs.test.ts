import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, toJsonSchema } from '../../shared/models';
import { DESIGN_DOC_ID, designDocFor, serverRequiredFields, validateDocUpdateSource } from '../../shared/couchdb/design-docs';
import { InvalidTeamIdError, teamDatabaseName, teamDatabases, TEAM_DATABASE_KINDS, type TeamDatabaseKind } from '../../shared/couchdb/database-names';
import { teamSecurityObject } from '../../shared/couchdb/security';
import { accountAsPushed } from './fixtures';

type Validate = (newDoc: Record<string, unknown>, oldDoc: unknown, userCtx: { name: string | null; roles: string[] }, secObj: unknown) => void;

/** Evaluates the source the way CouchDB does: a bare function expression. */
function compile(source: string): Validate {
  return new Function(`return (${source});`)() as Validate;
}

const manager = { name: 'ana', roles: ['team:acme', 'acme:manager'] };
const catalogueAdmin = { name: 'catalogo', roles: ['team:acme', 'acme:catalogue_admin'] };
/** Catalogue admin of another team only: roles are per team. */
const otherTeamsCatalogueAdmin = { name: 'catalogo', roles: ['team:acme', 'acme:manager', 'team:beta', 'beta:catalogue_admin'] };
const serverAdmin = { name: 'admin', roles: ['_admin'] };

function forbiddenReason(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? `not forbidden: ${String(error)}`;
  }
}

function docWithEveryRequiredField(collection: TeamDatabaseKind, by = collection === 'products' ? 'catalogo' : 'ana'): Record<string, unknown> {
  const doc: Record<string, unknown> = { _id: 'doc-1', _rev: '1-abc' };
  for (const field of serverRequiredFields(collection)) doc[field] = field === 'fieldTimes' ? {} : '';
  if (collection !== 'conflicts') doc.updatedBy = by;
  return doc;
}

describe('validate_doc_update', () => {
  it('leaves the primary key out: RxDB pushes it as _id', () => {
    for (const collection of COLLECTION_NAMES) {
      const required = toJsonSchema(collection).required;
      expect(required).toContain('id');
      expect(serverRequiredFields(collection)).toEqual(required.filter((f) => f !== 'id'));
    }
  });

  it.each(COLLECTION_NAMES)('%s: accepts a complete doc and names every missing required field', (collection) => {
    const validate = compile(validateDocUpdateSource('acme', collection));
    const writer = collection === 'products' ? catalogueAdmin : manager;
    expect(forbiddenReason(() => validate(docWithEveryRequiredField(collection), null, writer, {}))).toBeNull();
    for (const field of serverRequiredFields(collection)) {
      const doc = docWithEveryRequiredField(collection);
      delete doc[field];
      expect(forbiddenReason(() => validate(doc, null, writer, {}))).toContain(field);
    }
  });

  it('lists all missing fields in one message', () => {
    const validate = compile(validateDocUpdateSource('acme', 'accounts'));
    const { name: _name, updatedAt: _updatedAt, ...withoutTwo } = accountAsPushed();
    expect(forbiddenReason(() => validate(withoutTwo, null, manager, {}))).toBe(
      `accounts document ${String(withoutTwo._id)} is missing required fields: updatedAt, name`,
    );
  });

  it.each(COLLECTION_NAMES)('%s: a deletion stub always passes for a writer', (collection) => {
    const validate = compile(validateDocUpdateSource('acme', collection));
    const writer = collection === 'products' ? catalogueAdmin : manager;
    const stub = { _id: 'doc-1', _rev: '2-def', _deleted: true };
    expect(forbiddenReason(() => validate(stub, docWithEveryRequiredField(collection), writer, {}))).toBeNull();
  });

  it('products: only catalogue admins and server admins write, deletions included', () => {
    const validate = compile(validateDocUpdateSource('acme', 'products'));
    const product = docWithEveryRequiredField('products');
    const stub = { _id: 'doc-1', _rev: '2-def', _deleted: true };
    expect(forbiddenReason(() => validate(product, null, manager, {}))).toMatch(/acme:catalogue_admin/);
    expect(forbiddenReason(() => validate(stub, product, manager, {}))).toMatch(/acme:catalogue_admin/);
    expect(forbiddenReason(() => validate(product, null, { name: null, roles: [] }, {}))).toMatch(/acme:catalogue_admin/);
    expect(forbiddenReason(() => validate(product, null, otherTeamsCatalogueAdmin, {}))).toMatch(/acme:catalogue_admin/);
    // The first scheme's global role grants nothing any more.
    expect(forbiddenReason(() => validate(product, null, { name: 'catalogo', roles: ['team:acme', 'catalogue_admin'] }, {}))).toMatch(/acme:catalogue_admin/);
    expect(forbiddenReason(() => validate(product, null, catalogueAdmin, {}))).toBeNull();
    expect(forbiddenReason(() => validate(product, null, serverAdmin, {}))).toBeNull();
  });

  it('other collections: any writer CouchDB let through _security may write', () => {
    const validate = compile(validateDocUpdateSource('acme', 'accounts'));
    expect(forbiddenReason(() => validate(accountAsPushed(), null, manager, {}))).toBeNull();
    expect(forbiddenReason(() => validate({ ...accountAsPushed(), updatedBy: 'catalogo' }, null, catalogueAdmin, {}))).toBeNull();
  });

  it('holds updatedBy to the signed-in user, except for server admins and deletions', () => {
    const validate = compile(validateDocUpdateSource('acme', 'accounts'));
    const forged = { ...accountAsPushed(), updatedBy: 'bruno' };
    expect(forbiddenReason(() => validate(forged, null, manager, {}))).toMatch(/updatedBy must be the signed-in user ana, not bruno/);
    expect(forbiddenReason(() => validate({ ...forged, updatedBy: undefined }, null, manager, {}))).toMatch(
      /missing required fields: updatedBy|updatedBy must be/,
    );
    expect(forbiddenReason(() => validate(forged, null, serverAdmin, {}))).toBeNull();
    // RxDB's deletion keeps the last editor's fields: whoever deletes, it passes.
    expect(forbiddenReason(() => validate({ ...forged, _deleted: true }, null, manager, {}))).toBeNull();
  });

  it('the team conflict log: any member writes a complete record', () => {
    const validate = compile(validateDocUpdateSource('acme', 'conflicts'));
    expect(forbiddenReason(() => validate(docWithEveryRequiredField('conflicts'), null, manager, {}))).toBeNull();
    const { lostBy: _lostBy, ...partial } = docWithEveryRequiredField('conflicts');
    expect(forbiddenReason(() => validate(partial, null, manager, {}))).toContain('lostBy');
  });

  it('lets design documents through (their writers are database admins, checked by CouchDB)', () => {
    const validate = compile(validateDocUpdateSource('acme', 'accounts'));
    expect(forbiddenReason(() => validate({ _id: DESIGN_DOC_ID, language: 'javascript' }, null, serverAdmin, {}))).toBeNull();
  });

  it('is plain ES5, because CouchDB 3.x may run it on SpiderMonkey 1.8.5', () => {
    for (const collection of TEAM_DATABASE_KINDS) {
      const source = designDocFor('acme', collection).validate_doc_update;
      expect(source).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
      expect(source).not.toMatch(/=>|`|\blet\b|\bconst\b|\bclass\b|\.\.\.|\bincludes\(/);
    }
  });
});

describe('database names and _security', () => {
  it('names one database per collection as <team>-<collection>', () => {
    expect(teamDatabaseName('acme', 'accounts')).toBe('acme-accounts');
    expect(teamDatabases('acme').map((d) => d.name)).toEqual([...COLLECTION_NAMES.map((c) => `acme-${c}`), 'acme-conflicts']);
  });

  it('rejects team ids CouchDB (or a folder, or a URL) would choke on', () => {
    for (const bad of ['', 'Acme', '1acme', '_acme', 'acme/x', 'ac me', 'açme', 'a'.repeat(65), 'acme$', 'team', 'team-admin']) {
      expect(() => teamDatabaseName(bad, 'accounts'), bad).toThrow(InvalidTeamIdError);
    }
    for (const good of ['a', 'acme', 'acme-sul', 'acme_2']) expect(teamDatabaseName(good, 'deals')).toBe(`${good}-deals`);
  });

  it("makes the team its databases' only members", () => {
    expect(teamSecurityObject('acme')).toEqual({
      admins: { names: [], roles: ['team-admin:acme'] },
      members: { names: [], roles: ['team:acme'] },
    });
  });
});
