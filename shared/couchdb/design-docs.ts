import { toJsonSchema, type CollectionName } from '../models';
import { CONFLICTS_COLLECTION, conflictRecordJsonSchema } from '../models/conflicts';
import { assertValidTeamId, type TeamDatabaseKind } from './database-names';
import { CATALOGUE_ADMIN_ROLE, SERVER_ADMIN_ROLE, teamRole, type UserRole } from './roles';

/** One design document per database, owned by provisioning. */
export const DESIGN_DOC_ID = '_design/carteira';

export interface CarteiraDesignDoc {
  _id: typeof DESIGN_DOC_ID;
  language: 'javascript';
  validate_doc_update: string;
}

/**
 * Collections that not every team member may write, and the team roles that may. Everyone else
 * only pulls them (DESIGN.md §5: the catalogue is read-only for managers).
 */
const WRITER_ROLES: Partial<Record<TeamDatabaseKind, readonly UserRole[]>> = {
  products: [CATALOGUE_ADMIN_ROLE],
};

/** The roles (of `team`) that may write `collection`, or null when every member may. */
export function writerRolesOf(team: string, collection: TeamDatabaseKind): readonly string[] | null {
  return WRITER_ROLES[collection]?.map((role) => teamRole(team, role)) ?? null;
}

/**
 * Top-level fields the server insists on: the collection's JSON-schema `required`, minus the
 * primary key, because RxDB's CouchDB replication moves the primary key into `_id` and drops the
 * field from the document it pushes.
 */
export function serverRequiredFields(collection: TeamDatabaseKind): string[] {
  const schema = collection === CONFLICTS_COLLECTION ? conflictRecordJsonSchema : toJsonSchema(collection as CollectionName);
  return schema.required.filter((field) => field !== schema.primaryKey);
}

/**
 * The domain collections stamp who wrote each revision in `updatedBy`: the server holds it to the
 * signed-in user, so no member can pass an edit off as a colleague's. The conflict log carries no
 * writer of its own (its names are the two sides of a merge), so it is not checked.
 */
function checksAuthor(collection: TeamDatabaseKind): boolean {
  return collection !== CONFLICTS_COLLECTION;
}

/**
 * The validate_doc_update source for `collection` of `team`, with its rules embedded as literals
 * (CouchDB gives the function no way to look them up). Written as ES5 in a string because CouchDB
 * 3.x may run it on SpiderMonkey 1.8.5 and never sees our TypeScript.
 *
 * Order matters: the writer-role check comes first so a manager cannot delete catalogue items
 * either; deletions then pass without the field and author checks, because a delete made by
 * another CouchDB client arrives as a stub with only `_id`, `_rev` and `_deleted` (DESIGN.md §5)
 * and must apply, and RxDB's deletion keeps the fields (and author) of the last edit.
 */
export function validateDocUpdateSource(team: string, collection: TeamDatabaseKind): string {
  assertValidTeamId(team);
  const required = JSON.stringify(serverRequiredFields(collection));
  const writers = JSON.stringify(writerRolesOf(team, collection));
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var collection = ${JSON.stringify(collection)};
  var requiredFields = ${required};
  var writerRoles = ${writers};
  var checkAuthor = ${JSON.stringify(checksAuthor(collection))};
  var roles = (userCtx && userCtx.roles) || [];
  var isServerAdmin = roles.indexOf(${JSON.stringify(SERVER_ADMIN_ROLE)}) !== -1;
  var i;
  if (String(newDoc._id).indexOf('_design/') === 0) {
    return;
  }
  if (writerRoles !== null && !isServerAdmin) {
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
  if (checkAuthor && !isServerAdmin && newDoc.updatedBy !== userCtx.name) {
    throw({forbidden: collection + ' document ' + newDoc._id + ': updatedBy must be the signed-in user ' + userCtx.name + ', not ' + newDoc.updatedBy + '.'});
  }
}`;
}

export function designDocFor(team: string, collection: TeamDatabaseKind): CarteiraDesignDoc {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdateSource(team, collection) };
}
