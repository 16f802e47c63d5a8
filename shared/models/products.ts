import { z } from 'zod';
import { baseFields, basisPoints, currency, isoDate, text } from './common';

export const PRODUCT_UNITS = ['un', 'cx', 'pct', 'kg', 'l', 'm', 'm2', 'h'] as const;
export const AVAILABILITY = ['in_stock', 'low_stock', 'out_of_stock', 'on_order', 'discontinued'] as const;

export const productPrice = z.object({ priceListId: text(40), amount: z.number().int().min(0), currency: currency() });
export type ProductPrice = z.infer<typeof productPrice>;

/** An item of the catalogue; written only by catalogue admins and pulled by every manager. */
export const productSchema = z.object({
  ...baseFields,
  sku: text(40),
  name: text(200).min(1),
  nameSort: text(120),
  category: text(80),
  description: text(5000),
  unit: z.enum(PRODUCT_UNITS),
  prices: z.array(productPrice),
  promotion: z.object({ label: text(120), discountBp: basisPoints(), from: isoDate(), to: isoDate() }).optional(),
  availability: z.enum(AVAILABILITY),
  stockQty: z.number().int(),
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;
export const productIndexes = ['sku', 'nameSort', ['category', 'nameSort']];
