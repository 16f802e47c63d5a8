import { z } from 'zod';
import { ID_MAX, INT_MAX } from './common';

/**
 * The conflict log: one record per concurrent edit that lost a merge, so the user can review it and
 * bring the other value back. Not part of COLLECTIONS; it is the 12th collection of the database
 * (DESIGN §4, 13-collection limit). It replicates with the team's `<team>-conflicts` database, so
 * the person whose value lost sees the record on their own device, whichever device merged.
 */
export interface ConflictRecord {
  id: string;
  /** The domain collection of the document (`collection` is a reserved top-level name in RxDB). */
  collectionName: string;
  docId: string;
  /** A top-level field, or `_deleted` for deletion vs edit (see shared/domain/sync-merge.ts). */
  field: string;
  /** JSON of the values, so any field type fits one schema. */
  keptValue: string;
  lostValue: string;
  keptAt: number;
  lostAt: number;
  keptBy: string;
  lostBy: string;
  detectedAt: number;
  /** INT_MAX − detectedAt: an ascending index on it lists newest first (a `desc` sort never uses an index). */
  newestFirst: number;
  /** When the user restored the lost value; 0 if not. */
  restoredAt: number;
}

export const CONFLICTS_COLLECTION = 'conflicts';

export const newestFirst = (detectedAt: number) => INT_MAX - detectedAt;

const time = { type: 'integer', minimum: 0, maximum: INT_MAX, multipleOf: 1 } as const;
const short = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** The JSON schema RxDB stores for the conflict log (plain JSON; no rxdb import in shared/). */
export const conflictRecordJsonSchema = {
  title: CONFLICTS_COLLECTION,
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: short(ID_MAX),
    collectionName: short(40),
    docId: short(ID_MAX),
    field: short(80),
    keptValue: { type: 'string' },
    lostValue: { type: 'string' },
    keptAt: time,
    lostAt: time,
    keptBy: short(80),
    lostBy: short(80),
    detectedAt: time,
    newestFirst: time,
    restoredAt: time,
  },
  required: [
    'id',
    'collectionName',
    'docId',
    'field',
    'keptValue',
    'lostValue',
    'keptAt',
    'lostAt',
    'keptBy',
    'lostBy',
    'detectedAt',
    'newestFirst',
    'restoredAt',
  ],
  // The log of the whole database newest first, and the log of one document (its detail page).
  indexes: ['newestFirst', ['docId', 'newestFirst']],
} as const;

/**
 * The same record as a zod model, for checking records pulled from the team's conflict log like
 * every other pulled document (the JSON schema above stays what RxDB stores; values are JSON text,
 * bounded here so a hostile record cannot fill the device).
 */
export const conflictRecordSchema = z.object({
  id: z.string().min(1).max(ID_MAX),
  collectionName: z.string().max(40),
  docId: z.string().max(ID_MAX),
  field: z.string().max(80),
  keptValue: z.string().max(1_000_000),
  lostValue: z.string().max(1_000_000),
  keptAt: z.number().int().min(0).max(INT_MAX),
  lostAt: z.number().int().min(0).max(INT_MAX),
  keptBy: z.string().max(80),
  lostBy: z.string().max(80),
  detectedAt: z.number().int().min(0).max(INT_MAX),
  newestFirst: z.number().int().min(0).max(INT_MAX),
  restoredAt: z.number().int().min(0).max(INT_MAX),
});
