import { sign } from 'hono/jwt';
import { expect, it } from 'vitest';
import { eachStore } from '../support/both-stores.ts';
import {
  announcement,
  createRelease,
  createSite,
  postServed,
  publishMessage,
  surveyInput,
} from '../support/test-app.ts';

const PAGE = 'https://app.example.com/notes';
const TEST_PAGE = `${PAGE}?herald_test=1`;
const phases = [
  { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 20 },
  { name: 'Everyone', audience: {}, percent: 100 },
];

eachStore('test users and test mode', (t) => {
  /** A site with test user `qa_1`, a draft release, and its announcement and survey published. */
  async function setup(site: Record<string, unknown> = {}) {
    const s = await createSite(t, { testUsers: ['qa_1'], ...site });
    const rel = await createRelease(t, s.id, {
      key: 'offline-mode',
      name: 'Offline mode',
      phases,
      holdoutPercent: 50,
      guardrails: { minResponses: 3, minAverageRating: 3.5 },
    });
    const news = await publishMessage(t, s.id, announcement({ releaseId: rel.id }));
    const survey = await publishMessage(t, s.id, surveyInput({ releaseId: rel.id }));
    return { site: s, rel, news, survey };
  }
  const decide = async (site: { publicKey: string }, user: Record<string, unknown>, url = TEST_PAGE) => {
    const res = await t.post('/v1/decide', { site: site.publicKey, user, context: { url } });
    expect(res.status).toBe(200);
    return res.body as {
      messages: { id: string; content: { title: string; body: { c: unknown[] }[] } }[];
      releases: Record<string, { enabled: boolean; holdout: boolean }>;
      test?: true;
    };
  };

  it('shows a test user a draft release’s messages in test mode, marked on screen; nobody else sees them', async () => {
    const { site, news, survey } = await setup();
    const qa = await decide(site, { id: 'qa_1', traits: { city: 'Boston' } });
    expect(qa.test).toBe(true);
    expect(qa.messages.map((m) => m.id)).toEqual(expect.arrayContaining([news, survey]));
    expect(qa.releases['offline-mode']).toEqual({ enabled: true, phase: 'Pilot: Austin', holdout: false });
    const shown = qa.messages.find((m) => m.id === news);
    expect(shown?.content.title).toBe('Test mode · Reserve a scooter ahead');
    expect(JSON.stringify(shown?.content.body[0])).toContain('the release “Offline mode” is a draft');
    // Without asking, the test user is an ordinary user; asking is not enough for anybody else.
    expect((await decide(site, { id: 'qa_1' }, PAGE)).messages).toEqual([]);
    for (const user of [
      { id: 'u_austin', traits: { city: 'Austin' } },
      { anonymousId: 'qa_1' },
      { id: 'QA_1' },
    ]) {
      const other = await decide(site, { ...user, test: true });
      expect(other.messages).toEqual([]);
      expect(other.test).toBeUndefined();
      expect(other.releases['offline-mode']?.enabled).toBe(false);
    }
    // The identify option asks as the page's parameter does.
    expect((await decide(site, { id: 'qa_1', test: true }, PAGE)).test).toBe(true);
  });

  it('keeps a paused release out of everyone’s sight but a test user’s, and never holds a test user out', async () => {
    const { site, rel, news } = await setup();
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    await t.api('POST', `/api/releases/${rel.id}/pause`, { reason: 'checking' });
    const qa = await decide(site, { id: 'qa_1' });
    expect(qa.messages.map((m) => m.id)).toContain(news);
    expect(JSON.stringify(qa.messages[0]?.content.body[0])).toContain('is paused at phase “Pilot: Austin”');
    expect((await decide(site, { id: 'u_1', traits: { city: 'Austin' }, test: true })).messages).toEqual([]);
  });

  it('grants test mode on a verifying site only to a test user whose token proves the id', async () => {
    const { site, news } = await setup({ identityVerification: 'optional' });
    expect((await decide(site, { id: 'qa_1' })).messages).toEqual([]);
    const token = await sign({ sub: 'qa_1', exp: Math.floor(Date.now() / 1000) + 600 }, site.secret, 'HS256');
    expect((await decide(site, { id: 'qa_1', token })).messages.map((m) => m.id)).toContain(news);
    const forged = await sign({ sub: 'qa_1', exp: Math.floor(Date.now() / 1000) + 600 }, 'sk_guess', 'HS256');
    const res = await t.post('/v1/decide', {
      site: site.publicKey,
      user: { id: 'qa_1', token: forged },
      context: { url: TEST_PAGE },
    });
    expect(res.status).toBe(401);
  });

  it('never counts a test user’s events: results, report, gate and exposures stay as if they had not come', async () => {
    const { site, rel, news, survey } = await setup();
    const qa = await decide(site, { id: 'qa_1', traits: { city: 'Austin' } });
    expect(qa.messages.length).toBe(2);
    const events = [
      { type: 'impression', messageId: news },
      { type: 'click', messageId: news },
      { type: 'impression', messageId: survey },
      { type: 'response', messageId: survey, value: 1 },
      { type: 'track', name: 'note_edited_offline' },
    ].map((e) => ({ id: crypto.randomUUID(), at: t.clock.now.toISOString(), user: { id: 'qa_1' }, ...e }));
    const posted = await postServed(t, site, events, { url: TEST_PAGE });
    expect(posted.body).toEqual({ accepted: 0, duplicates: 0, test: 5 });
    const results = (await t.api('GET', `/api/messages/${news}/results`)).body;
    expect(results).toMatchObject({ impressions: 0, clicks: 0 });
    expect((await t.api('GET', `/api/messages/${survey}/results`)).body).toMatchObject({ impressions: 0 });
    const report = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
    expect(report.overall.responses ?? 0).toBe(0);
    // Started, three low ratings from the test user do not pause it (the guardrail needs three).
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    for (let i = 0; i < 3; i++) {
      const one = { ...events[3], id: crypto.randomUUID() };
      expect(
        (await postServed(t, site, [one as (typeof events)[number]], { url: TEST_PAGE })).body.test,
      ).toBe(1);
    }
    await t.app.rollout.settled();
    expect((await t.api('GET', `/api/releases/${rel.id}`)).body.status).toBe('active');
    // Their exposure is not recorded either: the report's groups are empty.
    await decide(site, { id: 'qa_1', traits: { city: 'Austin' } }, PAGE);
    const after = (await t.api('GET', `/api/releases/${rel.id}/report`)).body;
    expect(after.overall.goal?.exposed?.users ?? 0).toBe(0);
    expect(after.overall.goal?.holdout?.users ?? 0).toBe(0);
  });

  it('takes test users in the site’s settings and refuses a bad list with the field named, changing nothing', async () => {
    const site = await createSite(t);
    expect(site.testUsers).toEqual([]);
    const ok = await t.api('PATCH', `/api/sites/${site.id}`, { testUsers: ['qa_1', 'pm@example.com'] });
    expect(ok.status).toBe(200);
    expect(ok.body.testUsers).toEqual(['qa_1', 'pm@example.com']);
    // Who may see drafts is a security setting: the change is in the audit log, naming the site.
    const audited = (await t.api('GET', '/api/audit')).body.entries[0];
    expect(audited).toMatchObject({
      action: 'PATCH /api/sites/:id',
      target: site.id,
      detail: { fields: ['testUsers'] },
    });
    for (const testUsers of [
      ['qa_1', 'qa_1'],
      [''],
      ['x'.repeat(201)],
      'qa_1',
      Array(101)
        .fill('a')
        .map((a, i) => a + i),
    ]) {
      const bad = await t.api('PATCH', `/api/sites/${site.id}`, { testUsers });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields ?? {}).join(' ')).toContain('testUsers');
    }
    expect((await t.api('GET', `/api/sites/${site.id}`)).body.testUsers).toEqual(['qa_1', 'pm@example.com']);
    // Refused lists left no trace in the audit log either.
    expect((await t.api('GET', '/api/audit')).body.entries[0].id).toBe(audited.id);
  });
});
