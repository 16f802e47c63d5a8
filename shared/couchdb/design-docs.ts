import { toJsonSchema, type CollectionName } from '../models';
import { CATALOGUE_ADMIN_ROLE, SERVER_ADMIN_ROLE } from './roles';

/** One design document per database, owned by provisioning. */
export const DESIGN_DOC_ID = '_design/carteira';

export interface CarteiraDesignDoc {
  _id: typeof DESIGN_DOC_ID;
  language: 'javascript';
  validate_doc_update: string;
}

/**
 * Collections that not every team member may write, and the roles that may. Everyone else only
 * pulls them (DESIGN.md §5: the catalogue is read-only for managers).
 */
const WRITER_ROLES: Partial<Record<CollectionName, readonly string[]>> = {
  products: [CATALOGUE_ADMIN_ROLE],
};

export function writerRolesOf(collection: CollectionName): readonly string[] | null {
  return WRITER_ROLES[collection] ?? null;
}

/**
 * Top-level fields the server insists on: the collection's JSON-schema `required`, minus the
 * primary key, because RxDB's CouchDB replication moves the primary key into `_id` and drops the
 * field from the document it pushes.
 */
export function serverRequiredFields(collection: CollectionName): string[] {
  const schema = toJsonSchema(collection);
  return schema.required.filter((field) => field !== schema.primaryKey);
}

/**
 * The validate_doc_update source for `collection`, with its rules embedded as literals (CouchDB
 * gives the function no way to look them up). Written as ES5 in a string because CouchDB 3.x may
 * run it on SpiderMonkey 1.8.5 and never sees our TypeScript.
 *
 * Order matters: the writer-role check comes first so a manager cannot delete catalogue items
 * either; deletions then pass without the field check, because a delete made by another CouchDB
 * client arrives as a stub with only `_id`, `_rev` and `_deleted` (DESIGN.md §5) and must apply.
 */
export function validateDocUpdateSource(collection: CollectionName): string {
  const required = JSON.stringify(serverRequiredFields(collection));
  const writers = JSON.stringify(writerRolesOf(collection));
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var collection = ${JSON.stringify(collection)};
  var requiredFields = ${required};
  var writerRoles = ${writers};
  var roles = (userCtx && userCtx.roles) || [];
  var i;
  if (String(newDoc._id).indexOf('_design/') === 0) {
    return;
  }
  if (writerRoles !== null && roles.indexOf(${JSON.stringify(SERVER_ADMIN_ROLE)}) === -1) {
    var allowed = false;
    for (i = 0; i < writerRoles.length; i++) {
      if (roles.indexOf(writerRoles[i]) !== -1) {
        allowed = true;
      }
    }
    if (!allowed) {
      throw({forbidden: 'Only users with role ' + writerRoles.join(' or ') + ' may change ' + collection + '.'});
    }
  }
  if (newDoc._deleted === true) {
    return;
  }
  var missing = [];
  for (i = 0; i < requiredFields.length; i++) {
    if (typeof newDoc[requiredFields[i]] === 'undefined') {
      missing.push(requiredFields[i]);
    }
  }
  if (missing.length > 0) {
    throw({forbidden: collection + ' document ' + newDoc._id + ' is missing required fields: ' + missing.join(', ')});
  }
}`;
}

export function designDocFor(collection: CollectionName): CarteiraDesignDoc {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdateSource(collection) };
}
