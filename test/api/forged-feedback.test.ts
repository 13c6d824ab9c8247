import { expect, it } from 'vitest';
import { eachStore } from '../support/both-stores.ts';
import { createRelease, createSite, publishMessage, receipted, surveyInput } from '../support/test-app.ts';

/**
 * The attack of issue 9, tried against a release with guardrails (20 responses, average 3.5): feedback from
 * users never served the survey, a served user's receipt replayed for others, one user answering thirty
 * times and a rating of 1,000 must neither pause the release nor change its results; real users who were
 * served the survey and rate it one star still pause it.
 */
eachStore('forged feedback', (t) => {
  async function setup() {
    const site = await createSite(t);
    const rel = await createRelease(t, site.id, { guardrails: { minResponses: 20, minAverageRating: 3.5 } });
    const survey = await publishMessage(t, site.id, surveyInput({ releaseId: rel.id }));
    expect((await t.api('POST', `/api/releases/${rel.id}/advance`)).status).toBe(200);
    return { site, rel, survey };
  }

  const response = (messageId: string, user: Record<string, string>, value: number, receipt?: string) => ({
    id: crypto.randomUUID(),
    type: 'response',
    messageId,
    value,
    at: t.clock.now.toISOString(),
    user,
    ...(receipt === undefined ? {} : { receipt }),
  });

  it('keeps the release active and its results unchanged under attack, and pauses for real one-star ratings', async () => {
    const { site, rel, survey } = await setup();
    const post = (events: unknown[]) => t.post('/v1/events', { site: site.publicKey, events });
    // Three real users, served the survey, answer 5, 4 and 1; u_attacker is the one who answered 1.
    const honest = await receipted(t, site, [
      response(survey, { id: 'u_1' }, 5),
      response(survey, { id: 'u_2' }, 4),
      response(survey, { id: 'u_attacker' }, 1),
    ]);
    expect((await post(honest)).body).toEqual({ accepted: 3, duplicates: 0 });
    const results = async () => (await t.api('GET', `/api/messages/${survey}/results`)).body;
    const report = async () => (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
    const before = { results: await results(), report: await report() };
    expect(before.results.rating).toMatchObject({ average: 10 / 3, count: 3 });
    const receipt = honest[2]?.receipt as string;

    // 30 one-star responses from users never served the survey: no receipt, a made-up one, or another's.
    const neverServed = Array.from({ length: 30 }, (_, i) =>
      response(
        survey,
        { anonymousId: `a_fake_${i}` },
        1,
        i % 3 === 0 ? undefined : i % 3 === 1 ? 'x' : receipt,
      ),
    );
    expect((await post(neverServed)).body).toEqual({ accepted: 0, duplicates: 0, ignored: 30 });
    // The attacker's own valid receipt, replayed for 30 other users (by id and by anonymous id).
    const replayed = Array.from({ length: 30 }, (_, i) =>
      response(survey, i % 2 ? { id: `u_other_${i}` } : { anonymousId: `a_other_${i}` }, 1, receipt),
    );
    expect((await post(replayed)).body).toEqual({ accepted: 0, duplicates: 0, ignored: 30 });
    // The attacker answering 30 more times: stored, but one answer per user counts (the latest).
    const again = Array.from({ length: 30 }, () => response(survey, { id: 'u_attacker' }, 1, receipt));
    expect((await post(again)).body).toEqual({ accepted: 30, duplicates: 0 });
    // A rating of 1,000 on a five-star survey is refused whole, naming the field.
    const huge = await post([response(survey, { id: 'u_2' }, 1000, honest[1]?.receipt)]);
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields).toEqual({
      'events.0.value': 'a stars5 rating is a whole number from 1 to 5',
    });

    expect((await t.api('GET', `/api/releases/${rel.id}`)).body.status).toBe('active');
    expect({ results: await results(), report: await report() }).toEqual(before);

    // 25 real users, each served the survey, rate it one star: 28 answers averaging 1.25 pause it.
    const unhappy = Array.from({ length: 25 }, (_, i) => response(survey, { id: `u_real_${i}` }, 1));
    expect((await post(await receipted(t, site, unhappy))).body).toEqual({ accepted: 25, duplicates: 0 });
    await expect.poll(async () => (await t.api('GET', `/api/releases/${rel.id}`)).body.status).toBe('paused');
    const after = await results();
    expect(after.responses).toBe(28);
    expect(after.rating).toMatchObject({ average: 35 / 28, count: 28 });
  });

  it('counts a user’s latest answer only, and shows how many users answered', async () => {
    const { site, survey } = await setup();
    const at = (minutes: number) => new Date(t.clock.now.getTime() + minutes * 60_000).toISOString();
    const events = await receipted(t, site, [
      { ...response(survey, { id: 'u_1' }, 2), at: at(1) },
      { ...response(survey, { id: 'u_1' }, 5), at: at(3) },
      { ...response(survey, { id: 'u_1' }, 3), at: at(2) },
      response(survey, { id: 'u_2' }, 4),
    ]);
    expect((await t.post('/v1/events', { site: site.publicKey, events })).body.accepted).toBe(4);
    const results = (await t.api('GET', `/api/messages/${survey}/results`)).body;
    expect(results.responses).toBe(2);
    expect(results.rating).toEqual({ average: 4.5, count: 2, distribution: { '4': 1, '5': 1 } });
  });

  it('lets a release count only verified feedback, and reports how much of it is verified', async () => {
    const { site, rel, survey } = await setup();
    await t.api('PATCH', `/api/sites/${site.id}`, { identityVerification: 'optional' });
    expect((await t.api('PATCH', `/api/releases/${rel.id}`, { verifiedOnly: true })).status).toBe(200);
    // 25 anonymous one-star answers (served, but nobody proved who they are) do not pause it.
    const anonymous = Array.from({ length: 25 }, (_, i) => response(survey, { anonymousId: `a_${i}` }, 1));
    expect(
      (await t.post('/v1/events', { site: site.publicKey, events: await receipted(t, site, anonymous) }))
        .body,
    ).toEqual({ accepted: 25, duplicates: 0 });
    const { sign } = await import('hono/jwt');
    const verified = [];
    for (let i = 0; i < 2; i++) {
      const token = await sign({ sub: `u_${i}` }, site.secret, 'HS256');
      const served = (await t.post('/v1/decide', { site: site.publicKey, user: { token } })).body;
      verified.push(response(survey, { id: `u_${i}` }, 5, served.messages[0].receipt));
    }
    expect((await t.post('/v1/events', { site: site.publicKey, events: verified })).body.accepted).toBe(2);
    await t.app.rollout.settled();
    expect((await t.api('GET', `/api/releases/${rel.id}`)).body.status).toBe('active');
    const report = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
    expect(report).toMatchObject({ verification: 'optional', verifiedOnly: true });
    expect(report.phaseStats).toMatchObject({ responses: 2, verifiedResponses: 2, averageRating: 5 });
    // Counting everyone again, all 27 answers count.
    await t.api('PATCH', `/api/releases/${rel.id}`, { verifiedOnly: false });
    expect((await t.api('GET', `/api/releases/${rel.id}/report`)).body.phaseStats).toMatchObject({
      responses: 27,
      verifiedResponses: 2,
    });
  });
});
