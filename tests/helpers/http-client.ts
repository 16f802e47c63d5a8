import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';

/** One HTTP answer, read whole. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * A raw HTTP request to a loopback port, as any local program can send one. node:http rather than
 * fetch: fetch normalises paths (`/..` vanishes) and refuses to set Host, and both matter here.
 */
export function rawRequest(
  port: number,
  { method = 'GET', path, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The first bytes of a streaming answer (Server-Sent Events), then the connection is dropped. */
export function firstChunk(port: number, path: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.once('data', (chunk: Buffer) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: chunk.toString('utf8') });
        req.destroy();
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket and resolves `open`, or the HTTP status the upgrade was refused with. */
export function upgrade(port: number, headers: Record<string, string>, path = '/ws'): Promise<{ socket: WebSocket; status: 'open' } | { status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    socket.once('open', () => resolve({ socket, status: 'open' }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
  });
}
