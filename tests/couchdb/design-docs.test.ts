import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, toJsonSchema } from '../../shared/models';
import { DESIGN_DOC_ID, designDocFor, serverRequiredFields, validateDocUpdateSource } from '../../shared/couchdb/design-docs';
import { InvalidTeamIdError, teamDatabaseName, teamDatabases } from '../../shared/couchdb/database-names';
import { teamSecurityObject } from '../../shared/couchdb/security';
import { accountAsPushed } from './fixtures';

type Validate = (newDoc: Record<string, unknown>, oldDoc: unknown, userCtx: { name: string | null; roles: string[] }, secObj: unknown) => void;

/** Evaluates the source the way CouchDB does: a bare function expression. */
function compile(source: string): Validate {
  return new Function(`return (${source});`)() as Validate;
}

const manager = { name: 'ana', roles: ['team:acme', 'manager'] };
const catalogueAdmin = { name: 'catalogo', roles: ['team:acme', 'catalogue_admin'] };
const serverAdmin = { name: 'admin', roles: ['_admin'] };

function forbiddenReason(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? `not forbidden: ${String(error)}`;
  }
}

function docWithEveryRequiredField(collection: (typeof COLLECTION_NAMES)[number]): Record<string, unknown> {
  const doc: Record<string, unknown> = { _id: 'doc-1', _rev: '1-abc' };
  for (const field of serverRequiredFields(collection)) doc[field] = field === 'fieldTimes' ? {} : '';
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
    const validate = compile(validateDocUpdateSource(collection));
    const writer = collection === 'products' ? catalogueAdmin : manager;
    expect(forbiddenReason(() => validate(docWithEveryRequiredField(collection), null, writer, {}))).toBeNull();
    for (const field of serverRequiredFields(collection)) {
      const doc = docWithEveryRequiredField(collection);
      delete doc[field];
      expect(forbiddenReason(() => validate(doc, null, writer, {}))).toContain(field);
    }
  });

  it('lists all missing fields in one message', () => {
    const validate = compile(validateDocUpdateSource('accounts'));
    const { name: _name, updatedAt: _updatedAt, ...withoutTwo } = accountAsPushed();
    expect(forbiddenReason(() => validate(withoutTwo, null, manager, {}))).toBe(
      `accounts document ${String(withoutTwo._id)} is missing required fields: updatedAt, name`,
    );
  });

  it.each(COLLECTION_NAMES)('%s: a deletion stub always passes for a writer', (collection) => {
    const validate = compile(validateDocUpdateSource(collection));
    const writer = collection === 'products' ? catalogueAdmin : manager;
    const stub = { _id: 'doc-1', _rev: '2-def', _deleted: true };
    expect(forbiddenReason(() => validate(stub, docWithEveryRequiredField(collection), writer, {}))).toBeNull();
  });

  it('products: only catalogue admins and server admins write, deletions included', () => {
    const validate = compile(validateDocUpdateSource('products'));
    const product = docWithEveryRequiredField('products');
    const stub = { _id: 'doc-1', _rev: '2-def', _deleted: true };
    expect(forbiddenReason(() => validate(product, null, manager, {}))).toMatch(/catalogue_admin/);
    expect(forbiddenReason(() => validate(stub, product, manager, {}))).toMatch(/catalogue_admin/);
    expect(forbiddenReason(() => validate(product, null, { name: null, roles: [] }, {}))).toMatch(/catalogue_admin/);
    expect(forbiddenReason(() => validate(product, null, catalogueAdmin, {}))).toBeNull();
    expect(forbiddenReason(() => validate(product, null, serverAdmin, {}))).toBeNull();
  });

  it('other collections: any writer CouchDB let through _security may write', () => {
    const validate = compile(validateDocUpdateSource('accounts'));
    expect(forbiddenReason(() => validate(accountAsPushed(), null, manager, {}))).toBeNull();
    expect(forbiddenReason(() => validate(accountAsPushed(), null, catalogueAdmin, {}))).toBeNull();
  });

  it('lets design documents through (their writers are database admins, checked by CouchDB)', () => {
    const validate = compile(validateDocUpdateSource('accounts'));
    expect(forbiddenReason(() => validate({ _id: DESIGN_DOC_ID, language: 'javascript' }, null, serverAdmin, {}))).toBeNull();
  });

  it('is plain ES5, because CouchDB 3.x may run it on SpiderMonkey 1.8.5', () => {
    for (const collection of COLLECTION_NAMES) {
      const source = designDocFor(collection).validate_doc_update;
      expect(source).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
      expect(source).not.toMatch(/=>|`|\blet\b|\bconst\b|\bclass\b|\.\.\.|\bincludes\(/);
    }
  });
});

describe('database names and _security', () => {
  it('names one database per collection as <team>-<collection>', () => {
    expect(teamDatabaseName('acme', 'accounts')).toBe('acme-accounts');
    expect(teamDatabases('acme').map((d) => d.name)).toEqual(COLLECTION_NAMES.map((c) => `acme-${c}`));
  });

  it('rejects team ids CouchDB (or a folder, or a URL) would choke on', () => {
    for (const bad of ['', 'Acme', '1acme', '_acme', 'acme/x', 'ac me', 'açme', 'a'.repeat(65), 'acme$']) {
      expect(() => teamDatabaseName(bad, 'accounts'), bad).toThrow(InvalidTeamIdError);
    }
    for (const good of ['a', 'acme', 'acme-sul', 'acme_2']) expect(teamDatabaseName(good, 'deals')).toBe(`${good}-deals`);
  });

  it('makes the team its databases\' only members', () => {
    expect(teamSecurityObject('acme')).toEqual({
      admins: { names: [], roles: ['team-admin:acme'] },
      members: { names: [], roles: ['team:acme'] },
    });
  });
});
