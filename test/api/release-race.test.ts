import { afterAll, describe, it } from 'vitest';
import { pgInstance } from '../support/pg-instance.ts';
import { pgProblem, pgSchema } from '../support/pg-schema.ts';
import { raceRelease } from '../support/release-race.ts';
import { TOKEN, testApp } from '../support/test-app.ts';

const problem = await pgProblem();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('100 admin actions racing automatic checks and rating bursts', () => {
  it('on SQLite: the final status and the history agree with every acknowledged action', async () => {
    const t = await testApp();
    closers.push(() => t.close());
    // A minute passes between waves, so each phase counts only the ratings given in it.
    await raceRelease([{ app: t.app, api: t.api }], { tick: () => t.clock.advance(60_000) });
  }, 60_000);

  it.skipIf(problem !== null)(
    'on PostgreSQL with two instances: the final status and the history agree with every acknowledged action',
    async () => {
      const db = await pgSchema();
      closers.push(() => db.drop());
      const a = await pgInstance(db.url, TOKEN);
      const b = await pgInstance(db.url, TOKEN);
      closers.push(a.close, b.close);
      await raceRelease([a, b]);
    },
    120_000,
  );
});
