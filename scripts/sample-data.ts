/**
 * Writes generated sample data as one NDJSON file per collection, streamed batch by batch so size L
 * never sits in memory at once.
 *
 *   npm run sample-data -- --size S --seed 42 --out .tmp/sample [--now 2026-11-27T12:00:00Z] [--owners ana,bruno]
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COLLECTION_NAMES } from '../shared/models';
import { generateSampleData, SAMPLE_SIZE_NAMES, type SampleSize } from '../shared/sample-data';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: '.tmp/sample-data' },
    now: { type: 'string' },
    owners: { type: 'string' },
  },
});

const size = values.size!.toUpperCase() as SampleSize;
if (!SAMPLE_SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SAMPLE_SIZE_NAMES.join(', ')}`);
// A numeric seed stays a number so `--seed 42` matches generateSampleData({ seed: 42 }) in code.
const seed = /^\d+$/.test(values.seed!) ? Number(values.seed) : values.seed!;
const now = values.now ? Date.parse(values.now) : Date.now();
if (Number.isNaN(now)) throw new Error('--now must be an ISO date');
const owners = values.owners
  ?.split(',')
  .map((o) => o.trim())
  .filter(Boolean);
const out = values.out!;
mkdirSync(out, { recursive: true });

const data = generateSampleData({ size, seed, now, owners });
const started = performance.now();
for (const collection of COLLECTION_NAMES) {
  const t0 = performance.now();
  const file = createWriteStream(join(out, `${collection}.ndjson`));
  let count = 0;
  for (const batch of data.batches(collection, 1000)) {
    let chunk = '';
    for (const doc of batch) chunk += JSON.stringify(doc) + '\n';
    count += batch.length;
    if (!file.write(chunk)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  console.log(`${collection.padEnd(12)} ${String(count).padStart(8)} docs  ${Math.round(performance.now() - t0)} ms`);
}
console.log(`size ${size}, seed ${seed}, now ${new Date(now).toISOString()}: ${Math.round(performance.now() - started)} ms → ${out}`);
