import type { NewFields } from '../../db/repository';
import { sortKey } from '@shared/domain/text';

/** A competitor with only its name, to be filled on its page. */
export function blankCompetitor(name: string): NewFields<'competitors'> {
  const trimmed = name.trim().slice(0, 200);
  return {
    name: trimmed,
    nameSort: sortKey(trimmed),
    website: '',
    strengths: [],
    weaknesses: [],
    opportunities: [],
    threats: [],
    pricePositioning: 'similar',
    notes: [],
    positioning: [],
  };
}
