import { describe, expect, it } from 'vitest';
import { BackupProblem, encodeBackup, readBackup, backupFileName, type BackupEntry, type BackupHeader, type BackupProblemCode } from './format';

const VERSIONS = { accounts: 0, deals: 1 };

function sampleEntries(n: number): BackupEntry[] {
  const out: BackupEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      i % 3 === 0
        ? { c: 'deals', d: { id: `d${i}`, title: `Negócio ${i} — “especial” €`, value: i * 10.25, tags: ['a', 'b'], nested: { x: null, y: [1, { z: true }] } } }
        : { c: 'accounts', d: { id: `a${i}`, name: `Conta ${i} ção`, emoji: '🙂', empty: '', zero: 0 } },
    );
  }
  return out;
}

function headerOf(entries: BackupEntry[], versions: Record<string, number> = VERSIONS): BackupHeader {
  const collections: BackupHeader['collections'] = {};
  for (const [c, v] of Object.entries(versions)) collections[c] = { schemaVersion: v };
  return { format: 'carteira-backup', version: 1, createdAt: 1_700_000_000_000, database: 'carteira', collections };
}

async function* iterate(entries: BackupEntry[]): AsyncGenerator<BackupEntry> {
  yield* entries;
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function backupBytes(entries: BackupEntry[], header = headerOf(entries)): Promise<Uint8Array> {
  return bytesOf(encodeBackup(header, iterate(entries)));
}

const streamOf = (bytes: Uint8Array, chunk = 64 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.subarray(i, i + chunk));
      controller.close();
    },
  });

async function gzip(text: string | Uint8Array): Promise<Uint8Array> {
  const input = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return bytesOf(streamOf(input).pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>));
}

async function gunzip(bytes: Uint8Array): Promise<string> {
  return new Response(streamOf(bytes).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>)).text();
}

async function problemOf(bytes: Uint8Array): Promise<BackupProblemCode> {
  const received: BackupEntry[] = [];
  try {
    await readBackup(streamOf(bytes), { schemaVersions: VERSIONS, onEntry: (e) => void received.push(e) });
  } catch (error) {
    expect(error).toBeInstanceOf(BackupProblem);
    return (error as BackupProblem).code;
  }
  throw new Error(`accepted (${received.length} documents)`);
}

describe('backup file format', () => {
  it('round-trips every document and every field, in order, through gzip NDJSON', async () => {
    const entries = sampleEntries(1234);
    const bytes = await backupBytes(entries);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const received: BackupEntry[] = [];
    const versions: number[] = [];
    const summary = await readBackup(streamOf(bytes, 1000), {
      schemaVersions: VERSIONS,
      onEntry: (e, v) => {
        received.push(e);
        versions.push(v);
      },
    });
    expect(received).toEqual(entries);
    expect(summary.count).toBe(1234);
    expect(summary.header.collections).toEqual({ accounts: { schemaVersion: 0 }, deals: { schemaVersion: 1 } });
    expect(summary.counts).toEqual({ accounts: 822, deals: 412 });
    expect(new Set(versions)).toEqual(new Set([0, 1]));
  });

  it('is gzip of NDJSON: a header line, one line per document, an end line with count and hash', async () => {
    const text = await gunzip(await backupBytes(sampleEntries(3)));
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ format: 'carteira-backup', version: 1, database: 'carteira' });
    expect(lines[1]).toEqual({ c: 'deals', d: expect.objectContaining({ id: 'd0' }) });
    expect(lines[4]).toEqual({ end: true, count: 3, collections: { accounts: 2, deals: 1 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('reads an empty database’s backup', async () => {
    const summary = await readBackup(streamOf(await backupBytes([])), { schemaVersions: VERSIONS });
    expect(summary.count).toBe(0);
  });

  it('pulls documents only as the bytes are read (streamed, not built in memory)', async () => {
    let made = 0;
    async function* lazy(): AsyncGenerator<BackupEntry> {
      for (let i = 0; i < 100_000; i++) {
        made++;
        yield { c: 'accounts', d: { id: `a${i}` } };
      }
    }
    const reader = encodeBackup(headerOf([]), lazy()).getReader();
    await reader.read();
    expect(made).toBeLessThan(5000);
    await reader.cancel();
  });

  it('refuses a file cut short at any point', async () => {
    const bytes = await backupBytes(sampleEntries(800));
    for (const at of [1, 2, 10, 100, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 8, bytes.length - 1]) {
      expect(await problemOf(bytes.subarray(0, at)), `cut at ${at} of ${bytes.length}`).toBe('damaged');
    }
  });

  it('refuses a backup cut at a line boundary and re-compressed (no end line)', async () => {
    const text = await gunzip(await backupBytes(sampleEntries(20)));
    const lines = text.split('\n');
    expect(await problemOf(await gzip(lines.slice(0, 10).join('\n') + '\n'))).toBe('damaged');
    expect(await problemOf(await gzip(lines.slice(0, 10).join('\n')))).toBe('damaged');
  });

  it('refuses a changed document (hash), a missing document (count) and a count that lies', async () => {
    const text = await gunzip(await backupBytes(sampleEntries(20)));
    expect(await problemOf(await gzip(text.replace('Conta 1 ção', 'Conta 9 ção')))).toBe('damaged');
    const lines = text.split('\n');
    expect(await problemOf(await gzip([...lines.slice(0, 3), ...lines.slice(4)].join('\n')))).toBe('damaged');
    const end = JSON.parse(lines.at(-2)!) as { collections: Record<string, number> };
    end.collections.accounts!++;
    expect(await problemOf(await gzip([...lines.slice(0, -2), JSON.stringify(end), ''].join('\n')))).toBe('damaged');
    expect(await problemOf(await gzip(`${text}{"c":"accounts","d":{"id":"extra"}}\n`))).toBe('damaged');
  });

  it('refuses an empty file, a plain text file, a foreign gzip and garbage as another kind of file', async () => {
    expect(await problemOf(new Uint8Array())).toBe('empty');
    expect(await problemOf(new TextEncoder().encode('id,name\n1,Conta\n'))).toBe('not_backup');
    expect(await problemOf(await gzip('id,name\n1,Conta\n'))).toBe('not_backup');
    expect(await problemOf(await gzip(JSON.stringify({ format: 'other' }) + '\n'))).toBe('not_backup');
    expect(await problemOf(await gzip('x'.repeat(9 * 1024 * 1024)))).toBe('not_backup');
  });

  it('refuses 50 MB of random bytes quickly, also when they start like gzip', async () => {
    const garbage = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i += 65536) crypto.getRandomValues(garbage.subarray(i, i + 65536));
    garbage[0] = 0x00;
    const started = performance.now();
    expect(await problemOf(garbage)).toBe('not_backup');
    garbage[0] = 0x1f;
    garbage[1] = 0x8b;
    expect(['damaged', 'not_backup']).toContain(await problemOf(garbage));
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a backup of a newer Carteira and an area this version does not know', async () => {
    const entries = sampleEntries(5);
    expect(await problemOf(await backupBytes(entries, { ...headerOf(entries), version: 2 }))).toBe('newer');
    expect(await problemOf(await backupBytes(entries, headerOf(entries, { accounts: 0, deals: 2 })))).toBe('newer');
    const foreign = [...entries, { c: 'spaceships', d: { id: 's1' } }];
    expect(await problemOf(await backupBytes(foreign, headerOf(foreign, { ...VERSIONS, spaceships: 0 })))).toBe('invalid_document');
  });

  it('refuses a document the validator rejects, and one without id, before handing any over in the verify pass', async () => {
    const entries = sampleEntries(10);
    const bytes = await backupBytes(entries);
    await expect(readBackup(streamOf(bytes), { schemaVersions: VERSIONS, validate: (_c, d) => d.id !== 'a5' })).rejects.toMatchObject({
      code: 'invalid_document',
    });
    const noId = [{ c: 'accounts', d: { name: 'x' } }];
    expect(await problemOf(await backupBytes(noId))).toBe('invalid_document');
  });

  it('names the file with the local date and time and its extension', () => {
    expect(backupFileName(new Date(2026, 11, 3, 9, 5))).toBe('carteira-2026-12-03-0905.carteira-backup');
  });
});
