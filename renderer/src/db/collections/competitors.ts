import type { RxCollection } from 'rxdb';
import type { Competitor } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf } from './access';

/** The competitors collection (index 'nameSort'); no screen reads it yet. */
export const competitorsOf = (db: CarteiraDatabase): RxCollection<Competitor> => collectionOf(db, 'competitors');
