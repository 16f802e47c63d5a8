import { COLLECTION_NAMES } from '@shared/models';
import { generateSampleData, type SampleSize } from '@shared/sample-data';
import { isTeamDatabaseName } from '@shared/domain/data-scope';
import type { CarteiraDatabase } from '../../db/types';

export interface LoadSampleDataOptions {
  size?: SampleSize;
  seed?: number | string;
  now?: number;
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

/** Sample data was asked for in a team's database: it lives only in the no-server one. */
export class SampleDataInTeamError extends Error {
  constructor(readonly databaseName: string) {
    super(`Sample data is never loaded into a team's database (${databaseName})`);
    this.name = 'SampleDataInTeamError';
  }
}

/**
 * Writes generated sample data into every collection in batches. Re-running it is harmless:
 * documents that already exist (same seed, same ids) are left as they are.
 */
export async function loadSampleData(
  db: CarteiraDatabase,
  { size = 'S', seed = 42, now = Date.now(), batchSize = 1000, onProgress }: LoadSampleDataOptions = {},
): Promise<number> {
  // Invented accounts in a team's database would reach every colleague with the next push.
  if (isTeamDatabaseName(db.name)) throw new SampleDataInTeamError(db.name);
  const data = generateSampleData({ size, seed, now });
  const total = COLLECTION_NAMES.reduce((sum, c) => sum + data.counts[c], 0);
  let done = 0;
  onProgress?.(0, total);
  for (const name of COLLECTION_NAMES) {
    const collection = db.collections[name] as unknown as { bulkInsert(docs: unknown[]): Promise<{ error: { status: number }[] }> };
    for (const batch of data.batches(name, batchSize)) {
      const { error } = await collection.bulkInsert(batch);
      const real = error.filter((e) => e.status !== 409);
      if (real.length) throw new Error(`${name}: ${real.length} sample documents were rejected`);
      done += batch.length;
      onProgress?.(done, total);
    }
  }
  return done;
}
