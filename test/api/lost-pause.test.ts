import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import {
  announcement,
  createRelease,
  createSite,
  publishMessage,
  type TestApp,
  testApp,
} from '../support/test-app.ts';

/**
 * A store whose `releaseActivity` (what an automatic check reads between reading a release and writing
 * it) waits while `hold()` is on, or fails while `fail` is set: the interleavings a busy server produces
 * by chance, made certain.
 */
function gatedStore() {
  let held: { entered: () => void; open: Promise<void> } | null = null;
  const gate = {
    fail: false,
    /** Holds the next reads back; resolves `entered` once one is waiting, and lets them go on `release()`. */
    hold() {
      let entered!: () => void;
      let release!: () => void;
      const waiting = new Promise<void>((r) => {
        entered = r;
      });
      held = { entered, open: new Promise<void>((r) => (release = r)) };
      return {
        waiting,
        release: () => {
          held = null;
          release();
        },
      };
    },
    wrap: (store: Store): Store => ({
      ...store,
      async releaseActivity(ids, since) {
        if (gate.fail) throw new Error('the database went away');
        if (held) {
          const h = held;
          h.entered();
          await h.open;
        }
        return store.releaseActivity(ids, since);
      },
    }),
  };
  return gate;
}

let t: TestApp;
afterEach(async () => {
  await t.app.rollout.settled();
  await t.close();
});

/** An active release whose gate (one response) is met by the first rating, with a survey attached. */
async function activeRelease() {
  const site = await createSite(t);
  const rel = await createRelease(t, site.id, {
    phases: [
      { name: 'Pilot', percent: 100 },
      { name: 'Everyone', percent: 100 },
    ],
    autoAdvance: { afterHours: 0, minResponses: 1 },
  });
  const survey = await publishMessage(t, site.id, {
    ...announcement({ kind: 'survey', display: { style: 'slideout' }, releaseId: rel.id }),
    survey: { scale: 'stars5' },
  });
  expect((await t.api('POST', `/api/releases/${rel.id}/advance`)).status).toBe(200);
  // The user is served the survey first; the rating carries its receipt where decide gives one.
  const rating = async (user: string) => {
    const decided = await t.post('/v1/decide', { site: site.publicKey, user: { id: user } });
    const receipt = decided.body.messages.find((m: { id: string }) => m.id === survey)?.receipt;
    return {
      site: site.publicKey,
      events: [
        {
          id: crypto.randomUUID(),
          type: 'response',
          messageId: survey,
          value: 5,
          at: t.clock.now.toISOString(),
          user: { id: user },
          ...(receipt ? { receipt } : {}),
        },
      ],
    };
  };
  return { site, rel, rating };
}

describe('an operator racing an automatic check', () => {
  it('keeps a pause answered 200 while a check that read the release earlier advances it', async () => {
    const gate = gatedStore();
    t = await testApp({}, gate.wrap);
    const { rel, rating } = await activeRelease();
    const batch = await rating('u_1');
    const held = gate.hold();
    // The rating meets the gate: a check reads the active release, then waits on its activity query.
    const posted = t.post('/v1/events', batch);
    await held.waiting;
    const paused = await t.api('POST', `/api/releases/${rel.id}/pause`, { reason: 'support is on fire' });
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    held.release();
    expect((await posted).status).toBe(200);
    await t.app.rollout.settled();

    const final = (await t.api('GET', `/api/releases/${rel.id}`)).body;
    expect(final.status).toBe('paused');
    expect(final.currentPhase).toBe(0);
    expect(final.history.map((h: { action: string; by: string }) => `${h.action} ${h.by}`)).toEqual([
      'advance manual',
      'pause manual',
    ]);
    expect(final.history.at(-1).reason).toBe('support is on fire');
  });

  it('stores a batch and answers 200 when the automatic check after it fails', async () => {
    const gate = gatedStore();
    const logged: string[] = [];
    t = await testApp({ log: (m) => logged.push(m) }, gate.wrap);
    const { site, rel, rating } = await activeRelease();
    const batch = await rating('u_2');
    gate.fail = true;
    const res = await t.post('/v1/events', batch);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1, duplicates: 0 });
    await t.app.rollout.settled();
    expect(await t.store.countEvents(site.id)).toBe(1);
    expect(logged).toContain('rollout check failed');
    expect((await t.api('GET', `/api/releases/${rel.id}`)).body).toMatchObject({ status: 'active' });
  });

  it('keeps every pause, resume and edit made at the same moments: an edit never undoes a transition', async () => {
    t = await testApp();
    const { rel } = await activeRelease();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? t.api('PATCH', `/api/releases/${rel.id}`, { name: `Edit ${i}` })
          : t.api('POST', `/api/releases/${rel.id}/${i % 4 ? 'resume' : 'pause'}`),
      ),
    );
    const final = (await t.api('GET', `/api/releases/${rel.id}`)).body;
    const edits = answers.filter((_, i) => i % 2);
    const transitions = answers.filter((a, i) => i % 2 === 0 && a.status === 200);
    expect(edits.map((a) => a.status)).toEqual(edits.map(() => 200));
    expect(transitions.length).toBeGreaterThan(0);
    // Every write is there: the advance and each acknowledged transition in the history, plus the edits.
    expect(final.history).toHaveLength(1 + transitions.length);
    expect(final.version).toBe(1 + transitions.length + edits.length);
    for (const a of transitions)
      expect(final.history[a.body.history.length - 1]).toEqual(a.body.history.at(-1));
    expect(final.status).toBe(final.history.at(-1).to);
    const lastEdit = edits.reduce((x, y) => (y.body.version > x.body.version ? y : x));
    expect(final.name).toBe(lastEdit.body.name);
  });
});
