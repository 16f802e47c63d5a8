import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuthHeader, type CouchCredentials } from '../../shared/couchdb/http';
import { findFreePort, startPouchDBServer } from '../../scripts/lib/pouchdb-server-process';

export interface TestCouchServer {
  /** `http://127.0.0.1:<port>`, no trailing slash (append `/<db>/` for RxDB's replication url). */
  url: string;
  adminAuth: CouchCredentials & { header: string };
  /** Temp folder with the server's config.json and log.txt (databases are in memory). */
  dataDir: string;
  /** Kills the server and removes its temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 3;

/**
 * A real pouchdb-server for sync tests: loopback only, a free port, databases in memory, config and
 * log in a temp folder. If the test process dies without stop(), the server notices (its IPC
 * channel closes), exits and removes the folder itself. The port is picked free and then handed
 * to the child, so another process can grab it in between; that case is retried on a new port.
 */
export async function startCouchServer(options: { admin?: CouchCredentials } = {}): Promise<TestCouchServer> {
  const admin = options.admin ?? { user: 'admin', password: 'admin-test-password' };
  const dataDir = mkdtempSync(join(tmpdir(), 'carteira-couch-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  for (let attempt = 1; ; attempt++) {
    try {
      const server = await startPouchDBServer({ port: await findFreePort(), dataDir, admin, inMemory: true, ephemeral: true, startTimeoutMs: 15_000 });
      return {
        url: server.url,
        adminAuth: { ...admin, header: basicAuthHeader(admin) },
        dataDir,
        stop: async () => {
          await server.stop();
          removeDataDir();
        },
      };
    } catch (error) {
      const portTaken = error instanceof Error && /already in use/.test(error.message);
      if (!portTaken || attempt >= PORT_ATTEMPTS) {
        removeDataDir();
        throw error;
      }
    }
  }
}
