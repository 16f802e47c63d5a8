import type { MangoQuery, RxCollection } from 'rxdb';
import type { Competitor } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The competitors collection (index 'nameSort'). */
export const competitorsOf = (db: CarteiraDatabase): RxCollection<Competitor> => collectionOf(db, 'competitors');

const BY_NAME = indexSort('competitors', 'nameSort');

export const competitorQueries = {
  /** Every competitor by name (index 'nameSort'): a team watches tens, not thousands. */
  byName: (): MangoQuery<Competitor> => ({ selector: {}, sort: BY_NAME }),
  /** The competitors whose name folds to `nameSort` (index 'nameSort'): a name must be unique. */
  withNameSort: (nameSort: string): MangoQuery<Competitor> => ({ selector: { nameSort }, sort: BY_NAME }),
};
