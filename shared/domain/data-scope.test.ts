import { describe, expect, it } from 'vitest';
import { databaseNameOf, isTeamDatabaseName, LOCAL_DATABASE_NAME, normaliseServerUrl, scopeOfStatus } from './data-scope';

const RXDB_NAME = /^[a-z][_a-zA-Z0-9-]*$/;
const signedIn = { configured: true, url: 'http://127.0.0.1:5984', team: 'demo', signedIn: true, credentialsStored: true };

describe('which local database the app works in', () => {
  it('is the team database only while signed in (or able to sign in again by itself)', () => {
    expect(scopeOfStatus(signedIn)).toEqual({ kind: 'team', url: 'http://127.0.0.1:5984', team: 'demo' });
    expect(scopeOfStatus({ ...signedIn, signedIn: false })).toEqual({ kind: 'team', url: 'http://127.0.0.1:5984', team: 'demo' });
    expect(scopeOfStatus({ ...signedIn, signedIn: false, credentialsStored: false })).toEqual({ kind: 'local' });
    expect(scopeOfStatus({ ...signedIn, configured: false })).toEqual({ kind: 'local' });
    expect(scopeOfStatus(null)).toEqual({ kind: 'local' });
  });

  it('has one name per server and team, the same however the address is written', () => {
    const demo = databaseNameOf({ kind: 'team', url: 'http://127.0.0.1:5984', team: 'demo' });
    expect(databaseNameOf({ kind: 'team', url: 'HTTP://127.0.0.1:5984///', team: 'demo' })).toBe(demo);
    expect(databaseNameOf({ kind: 'team', url: 'https://sync.empresa.com.br:443/couch/', team: 'demo' })).toBe(
      databaseNameOf({ kind: 'team', url: 'https://SYNC.empresa.com.br/couch', team: 'demo' }),
    );
    const names = new Set([
      demo,
      databaseNameOf({ kind: 'team', url: 'http://127.0.0.1:5984', team: 'outra' }),
      databaseNameOf({ kind: 'team', url: 'http://127.0.0.1:5985', team: 'demo' }),
      databaseNameOf({ kind: 'team', url: 'https://sync.empresa.com.br', team: 'demo' }),
      databaseNameOf({ kind: 'local' }),
    ]);
    expect(names.size).toBe(5);
    for (const name of names) expect(name).toMatch(RXDB_NAME);
  });

  it('keeps the no-server database under the name installations always used, and tells team ones apart', () => {
    expect(databaseNameOf({ kind: 'local' })).toBe(LOCAL_DATABASE_NAME);
    expect(isTeamDatabaseName(LOCAL_DATABASE_NAME)).toBe(false);
    expect(isTeamDatabaseName(databaseNameOf({ kind: 'team', url: 'http://a.example', team: 'x_y-1' }))).toBe(true);
    expect(databaseNameOf({ kind: 'team', url: 'http://a.example', team: 'x_y-1' })).toMatch(RXDB_NAME);
    expect(normaliseServerUrl(' https://Couch.Example.com:443/a/b/ ')).toBe('https://couch.example.com/a/b');
  });
});
