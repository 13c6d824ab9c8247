import { it } from 'vitest';
import { checkBatchesFoldLikeOneByOne } from './fold-property.ts';
import type { StoreContext } from './store-suite.ts';

/** Events folded into users' states in batches give the states of applying them one by one. */
export function foldSpecs(ctx: StoreContext): void {
  it('gives each user the state of their events applied one by one, however the events are batched', async () => {
    await checkBatchesFoldLikeOneByOne([ctx.store], ctx.site.id);
  });
}
