import { z } from 'zod';
import { baseFields, id, note, ref, text } from './common';

export const PRICE_POSITIONS = ['much_lower', 'lower', 'similar', 'higher', 'premium'] as const;

/**
 * Their price positioning against ours on one category of our catalogue, or on one product
 * (productId set; category is then the product's, kept for reading without the catalogue).
 */
export const competitorPositioning = z.object({
  id: id(),
  category: text(80),
  productId: ref(),
  productName: text(200),
  position: z.enum(PRICE_POSITIONS),
  note: text(500),
});
export type CompetitorPositioning = z.infer<typeof competitorPositioning>;

/** A competitor and what the team knows of it (SWOT, price positioning). */
export const competitorSchema = z.object({
  ...baseFields,
  name: text(200).min(1),
  nameSort: text(120),
  website: text(200),
  strengths: z.array(text(500)),
  weaknesses: z.array(text(500)),
  opportunities: z.array(text(500)),
  threats: z.array(text(500)),
  pricePositioning: z.enum(PRICE_POSITIONS),
  notes: z.array(note),
  /** Positioning per category or product of our catalogue (version 1; absent on older documents). */
  positioning: z.array(competitorPositioning).max(200).optional(),
});
export type Competitor = z.infer<typeof competitorSchema>;
export const competitorIndexes = ['nameSort'];
