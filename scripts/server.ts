/**
 * npm run server [-- --port 5984] [--data .carteira-data/couch] [--admin admin:admin] [--in-memory]
 *
 * A local team server for development and demos: pouchdb-server on 127.0.0.1 (CouchDB's HTTP
 * protocol, so the app syncs with it exactly as with CouchDB 3.x), provisioned with the demo team
 * and its users. Data stays in the --data folder between runs unless --in-memory. Ctrl-C (SIGINT)
 * or SIGTERM stops the server before exiting.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPouchDBServer, type RunningPouchDBServer } from './lib/pouchdb-server-process';
import { provision, type ProvisionChange, type ProvisionUser } from './lib/provision';
import { parseCredentials, parsePort } from './lib/cli-args';

const DEMO_TEAM = 'demo';
const DEMO_USERS: ProvisionUser[] = [
  { name: 'ana', password: 'ana-demo', roles: ['manager'] },
  { name: 'bruno', password: 'bruno-demo', roles: ['manager'] },
  { name: 'catalogo', password: 'catalogo-demo', roles: ['catalogue_admin'] },
];

const USAGE = `Usage: npm run server -- [--port <port>] [--data <folder>] [--admin user:password] [--in-memory]

  --port       default: $PORT or 5984 (always bound to 127.0.0.1)
  --data       default: .carteira-data/couch
  --admin      server admin, default admin:admin (development only)
  --in-memory  keep databases in memory; they vanish when the server stops`;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      admin: { type: 'string' },
      'in-memory': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  return {
    help: values.help ?? false,
    port: parsePort(values.port ? '--port' : 'PORT', values.port ?? process.env.PORT ?? '5984'),
    dataDir: resolve(values.data ?? '.carteira-data/couch'),
    admin: parseCredentials('--admin', values.admin ?? 'admin:admin'),
    inMemory: values['in-memory'] ?? false,
  };
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error(`server: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  let server: RunningPouchDBServer;
  try {
    server = await startPouchDBServer({ port: options.port, dataDir: options.dataDir, admin: options.admin, inMemory: options.inMemory, logLevel: 'info' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`server: ${message}${/already in use/.test(message) ? `; is a server already running? Choose another port with --port.` : ''}`);
    return 1;
  }

  let stopping = false;
  const shutDown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the server…`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutDown('SIGINT'));
  process.once('SIGTERM', () => void shutDown('SIGTERM'));

  try {
    const report = await provision({
      url: server.url,
      adminUser: options.admin.user,
      adminPassword: options.admin.password,
      team: DEMO_TEAM,
      users: DEMO_USERS,
    });
    console.log(summarize(report.changes));
  } catch (error) {
    console.error(`server: provisioning the demo team failed: ${error instanceof Error ? error.message : String(error)}`);
    await server.stop();
    return 1;
  }

  console.log(
    [
      '',
      `Carteira team server ready at ${server.url}`,
      `  server admin:  ${options.admin.user} / ${options.admin.password}`,
      `  team:          ${DEMO_TEAM} (databases ${DEMO_TEAM}-accounts, ${DEMO_TEAM}-contacts, …)`,
      ...DEMO_USERS.map((u) => `  user:          ${u.name.padEnd(9)} / ${u.password.padEnd(14)} ${u.roles.join(', ')}`),
      `  data:          ${options.inMemory ? 'in memory (lost on stop)' : options.dataDir}`,
      `  log:           ${server.logFile}`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );

  const outcome = await server.exited;
  if (stopping) return 0;
  console.error(`server: pouchdb-server exited unexpectedly (${String(outcome)}); see ${server.logFile}`);
  return 1;
}

/** One line: the first start creates ~36 things, which would bury the credentials below. */
function summarize(changes: ProvisionChange[]): string {
  if (changes.length === 0) return `Team ${DEMO_TEAM} already provisioned: nothing to change.`;
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return `Provisioned team ${DEMO_TEAM}: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}.`;
}

process.exitCode = await main(process.argv.slice(2));
