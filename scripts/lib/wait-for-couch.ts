import { serverRoot } from '../../shared/couchdb/http';

/**
 * Resolves once the server at `url` answers: CouchDB's `/_up`, or `/` for servers without it
 * (plain pouchdb-server answers 404 on /_up). Rejects after `timeoutMs`, or as soon as
 * `abandoned()` says the server process is gone.
 */
export async function waitForCouch(
  url: string,
  { timeoutMs = 10_000, intervalMs = 25, abandoned }: { timeoutMs?: number; intervalMs?: number; abandoned?: () => string | null } = {},
): Promise<void> {
  const root = serverRoot(url);
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const gone = abandoned?.();
    if (gone) throw new Error(`CouchDB server at ${root} did not start: ${gone}`);
    try {
      const up = await fetch(`${root}/_up`, { signal: AbortSignal.timeout(1_000) });
      if (up.ok) return;
      if (up.status === 404) {
        const welcome = await fetch(`${root}/`, { signal: AbortSignal.timeout(1_000) });
        if (welcome.ok) return;
        lastProblem = `GET / answered ${welcome.status}`;
      } else {
        lastProblem = `GET /_up answered ${up.status}`;
      }
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`CouchDB server at ${root} not up after ${timeoutMs} ms (${lastProblem})`);
}
