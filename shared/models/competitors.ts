import { z } from 'zod';
import { baseFields, note, text } from './common';

export const PRICE_POSITIONS = ['much_lower', 'lower', 'similar', 'higher', 'premium'] as const;

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
});
export type Competitor = z.infer<typeof competitorSchema>;
export const competitorIndexes = ['nameSort'];
