import { z } from 'zod';

/** Longest id a device generates (see shared/domain/ids.ts); RxDB needs a maxLength on keys. */
export const ID_MAX = 40;
/** Upper bound for millisecond timestamps and minor-unit amounts kept in indexes. */
export const INT_MAX = 9_007_199_254_740_991;

export const id = () => z.string().min(1).max(ID_MAX);
/** A reference to another document; '' when none (indexed fields must be required). */
export const ref = () => z.string().max(ID_MAX);
export const text = (max = 500) => z.string().max(max);
export const timestamp = () => z.number().int().min(0).max(INT_MAX);
/** A calendar date as ISO `YYYY-MM-DD` ('' when unknown); sorts lexically. */
export const isoDate = () =>
  z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/)
    .max(10);

export const CURRENCIES = ['BRL', 'EUR', 'USD'] as const;
export const currency = () => z.enum(CURRENCIES);

/** Money in minor units (centavos, cêntimos) with its currency: never floats. */
export const money = z.object({ amount: z.number().int(), currency: currency() });
export type Money = z.infer<typeof money>;

/** A percentage in basis points (1250 = 12.5 %), so discounts stay integers. */
export const basisPoints = () => z.number().int().min(0).max(10_000);

export const phone = z.object({
  label: z.enum(['work', 'mobile', 'whatsapp', 'home', 'fax', 'other']),
  number: text(40),
});
export type Phone = z.infer<typeof phone>;

export const email = z.object({ label: z.enum(['work', 'personal', 'billing', 'other']), address: text(254) });
export type Email = z.infer<typeof email>;

export const address = z.object({
  kind: z.enum(['billing', 'shipping', 'office', 'other']),
  street: text(200),
  number: text(20),
  complement: text(100).optional(),
  district: text(100).optional(),
  city: text(100),
  state: text(40),
  postalCode: text(20),
  country: text(2),
});
export type Address = z.infer<typeof address>;

/** A dated note; lists of notes merge as unions on sync, so each has its own id. */
export const note = z.object({ id: id(), at: timestamp(), by: text(80), text: text(20_000) });
export type Note = z.infer<typeof note>;

/**
 * Fields every document carries. `fieldTimes` holds the last edit time of each top-level field:
 * the three-way merge on sync uses it to decide which of two concurrent edits of a field wins.
 */
export const baseFields = {
  id: id(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
  updatedBy: text(80),
  fieldTimes: z.record(z.string(), z.number()),
};

/** Bookkeeping fields the editor never sets directly. */
export const META_FIELDS = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'fieldTimes'] as const;
export type BaseDoc = { id: string; createdAt: number; updatedAt: number; updatedBy: string; fieldTimes: Record<string, number> };
