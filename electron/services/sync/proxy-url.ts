import { teamDatabases } from '../../../shared/couchdb/database-names';
import { IpcError } from '../../../shared/ipc';

/**
 * Checks that a URL the renderer wants fetched is one of the team's databases on the configured
 * server, and returns it normalized (fragment dropped). Everything else — another host, port or
 * scheme, `_users`, `_all_dbs`, `_config`, another team's database, user info in the URL, dot
 * segments — is refused with `forbidden_url`: main adds the user's session to whatever passes,
 * so a compromised renderer must not be able to aim it anywhere else.
 */
export function checkProxyUrl(serverUrl: string, team: string, raw: string): string {
  const refuse = (why: string): never => {
    throw new IpcError('forbidden_url', `Refused ${why}`);
  };
  // WHATWG URL reads `\` as `/` and drops tabs and newlines, so such input could mean two things.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\\\s\u0000-\u001f\u007f]/.test(raw)) refuse('a URL with backslashes, spaces or control characters');
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    return refuse('a URL that is not absolute');
  }
  if (target.username || target.password) refuse('a URL with credentials in it');
  const server = new URL(serverUrl);
  // `host` omits default ports, so https://x and https://x:443 compare equal, as they should.
  if (target.protocol !== server.protocol || target.host !== server.host) refuse(`a URL outside ${server.origin}`);
  // The parser already resolved `..`; refuse it in the raw text too, rather than guess what was meant.
  if (hasDotSegment(raw)) refuse('a URL with "." or ".." segments');
  const prefix = `${server.pathname.replace(/\/+$/, '')}/`;
  if (!target.pathname.startsWith(prefix)) refuse('a path outside the server address');
  const database = target.pathname.slice(prefix.length).split('/', 1)[0] ?? '';
  // Team database names need no encoding, so an exact match also refuses %2F tricks in the name.
  if (!teamDatabases(team).some(({ name }) => name === database)) refuse(`a database outside team ${team}`);
  target.hash = '';
  return target.href;
}

function hasDotSegment(raw: string): boolean {
  const afterAuthority = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = afterAuthority.split(/[?#]/, 1)[0] ?? '';
  return path.split('/').some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape is no dot segment; the server will reject it on its own.
    }
    return decoded === '.' || decoded === '..';
  });
}
