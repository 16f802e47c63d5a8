'use strict';
/*
 * Runs pouchdb-server 4.2 (express-pouchdb in its default "fullCouchDB" mode) with four small
 * fixes, so the local server answers the parts of the CouchDB protocol Carteira relies on the way
 * CouchDB 3.x does. Arguments are pouchdb-server's own (it parses process.argv).
 *
 * 1. GET /_up: CouchDB's health probe (the app's main process polls it). pouchdb-server has no
 *    such route and answers 404.
 * 2. PUT /<db> by anyone but a server admin: express-pouchdb calls `.info()` on the rejected
 *    promise its security wrapper returns and the whole server dies with
 *    "TypeError: db.info is not a function". A PouchDB client with member credentials does exactly
 *    this when its database is missing. CouchDB answers 401 "You are not a server admin.", so we do.
 * 3. Replicated writes keep their own revision history. pouchdb-validation (behind
 *    validate_doc_update) overwrites every incoming doc's `_revisions` with the stored doc's before
 *    the write. With `new_edits: false` — how PouchDB and CouchDB peers replicate — the history
 *    is what places the revision in the tree, so an update or a deletion pushed by a peer was
 *    acknowledged and silently dropped. A db wrapper registered just before validation's (so it
 *    runs first) pins `_revisions` of such docs: validation's assignment becomes a no-op.
 *    CouchDB itself hands validate_doc_update the new doc's own `_revisions`, as this now does.
 * 4. Tells the parent over IPC when its HTTP server is listening, or why it could not listen. Probing
 *    the port is not enough: when the port is taken, another server there answers the probe.
 *    pouchdb-server only prints EADDRINUSE and stays alive; here it exits 1 instead.
 *
 * 1–3 wrap express-pouchdb's modules in require's cache before pouchdb-server loads them, so each
 * addition is registered just before the module's own: routes after authentication
 * (req.couchSession is set) and ahead of pouchdb-server's handlers, the db wrapper ahead of
 * validation's.
 */
const path = require('node:path');
const net = require('node:net');

const serverDir = path.dirname(require.resolve('pouchdb-server/package.json'));
const expressPouchDBDir = path.dirname(require.resolve('express-pouchdb/package.json', { paths: [serverDir] }));
const wrappers = require(require.resolve('pouchdb-wrappers', { paths: [expressPouchDBDir] }));

function runBeforeRouteModule(moduleId, registerFirst) {
  const file = require.resolve(moduleId, { paths: [serverDir] });
  const original = require(file);
  require.cache[file].exports = function (app) {
    registerFirst(app);
    return original(app);
  };
}

runBeforeRouteModule('express-pouchdb/lib/routes/root.js', (app) => {
  app.get('/_up', (req, res) => {
    res.status(200).json({ status: 'ok', seeds: {} });
  });
});

runBeforeRouteModule('express-pouchdb/lib/routes/db.js', (app) => {
  app.put('/:db', (req, res, next) => {
    const roles = (req.couchSession && req.couchSession.userCtx && req.couchSession.userCtx.roles) || [];
    if (roles.indexOf('_admin') !== -1) return next();
    res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
  });
});

if (process.send) {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    this.once('listening', () => process.send({ type: 'listening', port: this.address().port }));
    this.once('error', (error) => {
      process.send({ type: 'listen-error', code: error.code, message: error.message }, () => process.exit(1));
    });
    return listen.apply(this, args);
  };
}

function pinRevisionHistory(doc) {
  if (!doc || typeof doc !== 'object' || !doc._revisions) return;
  const revisions = doc._revisions;
  Object.defineProperty(doc, '_revisions', { get: () => revisions, set: () => {}, enumerable: true, configurable: true });
}

runBeforeRouteModule('express-pouchdb/lib/validation.js', (app) => {
  app.dbWrapper.registerWrapper((name, db, next) => {
    wrappers.installWrapperMethods(db, {
      bulkDocs(original, args) {
        if (args.options && args.options.new_edits === false) args.docs.forEach(pinRevisionHistory);
        return original();
      },
    });
    return next();
  });
});

// Started by a parent over an IPC channel (tests, `npm run server`): never outlive it, so a
// crashed test run leaves no server holding a port.
if (process.send) {
  process.on('disconnect', () => process.exit(0));
}
process.on('SIGTERM', () => process.exit(0));

// A throwaway server (tests) removes its own folder on the way out, even when the parent died
// before it could. Only ever a folder inside the OS temp dir.
const ephemeralDir = process.env.CARTEIRA_EPHEMERAL_DATA_DIR;
if (ephemeralDir) {
  const fs = require('node:fs');
  const os = require('node:os');
  const resolved = path.resolve(ephemeralDir);
  if (resolved.startsWith(path.resolve(os.tmpdir()) + path.sep)) {
    process.on('exit', () => fs.rmSync(resolved, { recursive: true, force: true }));
  }
}

require(path.join(serverDir, 'lib', 'index.js'));
