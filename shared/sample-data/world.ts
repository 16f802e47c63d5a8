import { accountProfile, type AccountProfile } from './accounts';
import type { CollectionName } from '../models';
import type { GeneratorContext } from './context';
import { buildPlan, type Plan } from './plan';
import { buildCatalogue, type Catalogue } from './products';

/** The context plus what is worked out once and shared: the plan and the catalogue, built on first use. */
export class World {
  #plan?: Plan;
  #catalogue?: Catalogue;
  #profiles: (AccountProfile | undefined)[] = [];
  #ids: Partial<Record<CollectionName, (string | undefined)[]>> = {};

  constructor(readonly ctx: GeneratorContext) {}

  get plan(): Plan {
    return (this.#plan ??= buildPlan(this.ctx));
  }

  get catalogue(): Catalogue {
    return (this.#catalogue ??= buildCatalogue(this.ctx));
  }

  /**
   * An account's profile, kept once made: activities, deals and orders look accounts up at random,
   * and 50k small profiles cost far less memory than regenerating them costs time.
   */
  account(index: number): AccountProfile {
    return (this.#profiles[index] ??= accountProfile(this.ctx, index));
  }

  /** The id of document `index` of a collection ('' for -1, meaning none), remembered once computed. */
  id(collection: CollectionName, index: number): string {
    if (index < 0) return '';
    const cache = (this.#ids[collection] ??= []);
    return (cache[index] ??= this.ctx.identity(collection, index).id);
  }
}
