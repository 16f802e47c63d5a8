import { describe, expect, it } from 'vitest';
import { IpcError } from '../../../shared/ipc';
import { checkProxyUrl } from './proxy-url';

const SERVER = 'http://127.0.0.1:5984';

function refusal(server: string, url: string): string | null {
  try {
    checkProxyUrl(server, 'acme', url);
    return null;
  } catch (error) {
    return error instanceof IpcError ? error.code : `unexpected ${String(error)}`;
  }
}

describe('checkProxyUrl', () => {
  it.each([
    [`${SERVER}/acme-accounts/`, `${SERVER}/acme-accounts/`],
    [`${SERVER}/acme-accounts`, `${SERVER}/acme-accounts`],
    [`${SERVER}/acme-accounts/_changes?feed=longpoll&since=0&heartbeat=60000`, `${SERVER}/acme-accounts/_changes?feed=longpoll&since=0&heartbeat=60000`],
    [`${SERVER}/acme-products/_bulk_docs`, `${SERVER}/acme-products/_bulk_docs`],
    [`${SERVER}/acme-contacts/_local/abc%2Fdef#frag`, `${SERVER}/acme-contacts/_local/abc%2Fdef`],
  ])('lets %s through', (url, expected) => {
    expect(checkProxyUrl(SERVER, 'acme', url)).toBe(expected);
  });

  it('accepts a server behind a path prefix and the default port spelled out', () => {
    expect(checkProxyUrl('https://couch.example.com/couchdb', 'acme', 'https://couch.example.com:443/couchdb/acme-deals/_all_docs')).toBe(
      'https://couch.example.com/couchdb/acme-deals/_all_docs',
    );
    expect(refusal('https://couch.example.com/couchdb', 'https://couch.example.com/acme-deals/')).toBe('forbidden_url');
    expect(refusal('https://couch.example.com/couchdb', 'https://couch.example.com/couchdb-evil/acme-deals/')).toBe('forbidden_url');
  });

  it.each([
    ['another host', 'http://evil.example:5984/acme-accounts/'],
    ['localhost instead of 127.0.0.1', 'http://localhost:5984/acme-accounts/'],
    ['another port', 'http://127.0.0.1:5985/acme-accounts/'],
    ['another scheme', 'https://127.0.0.1:5984/acme-accounts/'],
    ['the server root', `${SERVER}/`],
    ['_all_dbs', `${SERVER}/_all_dbs`],
    ['_users', `${SERVER}/_users/org.couchdb.user:ana`],
    ['_config', `${SERVER}/_node/_local/_config`],
    ['_session', `${SERVER}/_session`],
    ['.. out of a team database', `${SERVER}/acme-accounts/../_users/`],
    ['.. at the root', `${SERVER}/../_users`],
    ['encoded ..', `${SERVER}/acme-accounts/%2e%2e/_users`],
    ['. segment', `${SERVER}/./acme-accounts/`],
    ['an encoded slash in the database name', `${SERVER}/acme-accounts%2F..%2F_users/`],
    ['backslashes', `${SERVER}/acme-accounts\\..\\_users`],
    ['a tab', `${SERVER}/acme-acc\tounts/`],
    ['another team', `${SERVER}/beta-accounts/`],
    ['a look-alike database', `${SERVER}/acme-accounts-old/`],
    ['a team prefix', `${SERVER}/acme/`],
    ['userinfo', 'http://ana:secret@127.0.0.1:5984/acme-accounts/'],
    ['userinfo that hides the host', 'http://127.0.0.1:5984@evil.example/acme-accounts/'],
    ['a relative URL', '/acme-accounts/'],
    ['garbage', 'not a url'],
  ])('refuses %s with forbidden_url', (_label, url) => {
    expect(refusal(SERVER, url)).toBe('forbidden_url');
  });
});
