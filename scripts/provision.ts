/**
 * npm run provision -- --url http://127.0.0.1:5984 --admin-user admin --admin-password … \
 *   --team acme [--user ana:senha:manager]…
 *
 * Creates or corrects a team's databases, _security, design docs and users on any CouchDB-protocol
 * server. Safe to run again: it reports what it changed, and "nothing to change" when the server
 * already matches. Exit codes: 0 done, 1 the server refused or failed, 2 wrong arguments.
 */
import { parseArgs } from 'node:util';
import { describeChange, provision } from './lib/provision';
import { parseUserSpec, UsageError } from './lib/cli-args';
import { assertValidTeamId } from '../shared/couchdb/database-names';

const USAGE = `Usage: npm run provision -- --url <server> --admin-user <name> --admin-password <password> --team <team> [--user name:password:role[,role]]…

  --url             CouchDB server root, e.g. http://127.0.0.1:5984
  --admin-user      a server admin
  --admin-password  its password (or set COUCHDB_ADMIN_PASSWORD, which keeps it out of shell history)
  --team            team id: lowercase letter, then lowercase letters, digits, _ or -
  --user            repeatable; roles: manager, catalogue_admin`;

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        'admin-user': { type: 'string' },
        'admin-password': { type: 'string' },
        team: { type: 'string' },
        user: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const adminPassword = values['admin-password'] ?? process.env.COUCHDB_ADMIN_PASSWORD;
    const missing = [!values.url && '--url', !values['admin-user'] && '--admin-user', !adminPassword && '--admin-password', !values.team && '--team'].filter(
      Boolean,
    );
    if (missing.length) throw new UsageError(`missing ${missing.join(', ')}`);
    assertValidTeamId(values.team!);
    options = {
      url: values.url!,
      adminUser: values['admin-user']!,
      adminPassword: adminPassword!,
      team: values.team!,
      users: (values.user ?? []).map(parseUserSpec),
    };
  } catch (error) {
    console.error(`provision: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  try {
    const report = await provision(options);
    console.log(`Team ${report.team} on ${options.url}: ${report.databases.length} databases, ${report.users.length} users.`);
    if (report.changes.length === 0) console.log('Nothing to change: the server already matches.');
    for (const change of report.changes) console.log(`  ${describeChange(change)}`);
    return 0;
  } catch (error) {
    console.error(`provision failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
