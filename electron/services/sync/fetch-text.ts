import { IpcError } from '../../../shared/ipc';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TextResponse {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * One request with the body read as text, mapped onto the sync error codes: nothing received for
 * `idleTimeoutMs` → `timeout`; the network failing → `unreachable`. The timeout counts silence,
 * not total time, because CouchDB's longpoll `_changes` legitimately stays open for minutes while
 * its heartbeat newlines keep arriving.
 */
export async function fetchText(fetchImpl: FetchLike, url: string, init: RequestInit, idleTimeoutMs: number): Promise<TextResponse> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`no answer for ${idleTimeoutMs} ms`));
    }, idleTimeoutMs);
  };
  arm();
  try {
    const response = await fetchImpl(url, { ...init, signal: controller.signal, redirect: 'manual' });
    arm();
    const chunks: Uint8Array[] = [];
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        arm();
      }
    }
    return { status: response.status, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (timedOut) throw new IpcError('timeout', `${init.method ?? 'GET'} ${describeTarget(url)}: no answer for ${idleTimeoutMs} ms`);
    if (error instanceof IpcError) throw error;
    throw new IpcError('unreachable', `${init.method ?? 'GET'} ${describeTarget(url)}: ${describeNetworkError(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The origin only: paths carry document ids, which do not belong in logs or error messages. */
function describeTarget(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the server';
  }
}

function describeNetworkError(error: unknown): string {
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message} (${cause})` : message;
}
