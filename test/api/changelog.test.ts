import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { announcement, createRelease, createSite, eachTestApp, publishMessage } from '../support/test-app.ts';

const t = eachTestApp();

const post = (title: string, fields: Record<string, unknown> = {}) =>
  announcement({
    name: title,
    feed: true,
    content: { en: { title, body: `About **${title}**.` } },
    ...fields,
  });

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers };
};

/** Titles of the articles on a changelog page, in page order. */
const titles = (page: string) =>
  [...page.matchAll(/<article[^>]*>\s*<h[12]>(?:<a [^>]*>)?([^<]*)</g)].map((m) => m[1]);

async function changelogSite(fields: Record<string, unknown> = {}) {
  return createSite(t, {
    name: 'Zipp',
    changelogSlug: 'zipp',
    allowedOrigins: ['https://app.zipp.test'],
    ...fields,
  });
}

describe('the public changelog page', () => {
  it('lists public feed posts newest first, each with its permalink, and leaves out targeted ones', async () => {
    const site = await changelogSite();
    const first = await publishMessage(t, site.id, post('Reserve ahead'));
    t.clock.advance(60_000);
    await publishMessage(t, site.id, post('Austin pricing', { audience: { city: 'Austin' } }));
    await publishMessage(t, site.id, announcement({ name: 'Not in the feed' }));
    t.clock.advance(60_000);
    const second = await publishMessage(t, site.id, post('Night mode'));

    const page = await get('/changelog/zipp');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(titles(page.text)).toEqual(['Night mode', 'Reserve ahead']);
    expect(page.text).toContain(`href="http://localhost:8787/changelog/zipp/posts/${second}"`);
    expect(page.text).toContain('<strong>Night mode</strong>');

    const permalink = await get(`/changelog/zipp/posts/${first}`);
    expect(permalink.status).toBe(200);
    expect(titles(permalink.text)).toEqual(['Reserve ahead']);
  });

  it('answers 404 for a site without a changelog, an unknown post and a page past the end', async () => {
    const site = await changelogSite();
    await publishMessage(t, site.id, post('Targeted', { audience: { city: 'Austin' } }));
    const targeted = (await t.api('GET', `/api/sites/${site.id}/messages`)).body.messages[0].id;
    expect((await get('/changelog/nobody')).status).toBe(404);
    expect((await get(`/changelog/zipp/posts/${targeted}`)).status).toBe(404);
    expect((await get('/changelog/zipp?page=2')).status).toBe(404);
    expect((await get('/changelog/zipp?page=zero')).status).toBe(400);
  });

  it('pages ten posts at a time with links between the pages', async () => {
    const site = await changelogSite();
    for (let i = 1; i <= 12; i++) {
      await publishMessage(t, site.id, post(`Post ${i}`));
      t.clock.advance(1000);
    }
    const one = await get('/changelog/zipp');
    expect(titles(one.text)).toEqual([
      'Post 12',
      'Post 11',
      'Post 10',
      'Post 9',
      'Post 8',
      'Post 7',
      'Post 6',
      'Post 5',
      'Post 4',
      'Post 3',
    ]);
    expect(one.text).toContain('href="http://localhost:8787/changelog/zipp?page=2" rel="next"');
    const two = await get('/changelog/zipp?page=2');
    expect(titles(two.text)).toEqual(['Post 2', 'Post 1']);
    expect(two.text).toContain('rel="prev"');
  });

  it('escapes author text and makes relative links point at the product', async () => {
    const site = await changelogSite();
    const body = '<script>alert(1)</script>\n\n[Try it](/reserve) and [bad](javascript:alert(1))';
    await publishMessage(
      t,
      site.id,
      post('x', { content: { en: { title: '<img src=x onerror=alert(1)>', body } } }),
    );
    const page = await get('/changelog/zipp');
    expect(page.text).not.toContain('<script>');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.text).toContain('href="https://app.zipp.test/reserve"');
    expect(page.text).not.toContain('javascript:');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('shows each post in the reader’s language, with the page in that language', async () => {
    const site = await changelogSite();
    await publishMessage(
      t,
      site.id,
      post('Reserve ahead', {
        content: {
          en: { title: 'Reserve ahead' },
          de: { title: 'Im Voraus reservieren' },
          ar: { title: 'احجز مسبقًا' },
        },
      }),
    );
    const german = await get('/changelog/zipp', { 'accept-language': 'de-AT,de;q=0.9' });
    expect(titles(german.text)).toEqual(['Im Voraus reservieren']);
    // The page's own words follow the reader too, so its lang attribute is true.
    expect(german.text).toContain('<html lang="de" dir="ltr">');
    expect(german.text).toContain('<h1>Neu bei Zipp</h1>');
    // A language without a table of words gets the site's.
    const italian = await get('/changelog/zipp?lang=it');
    expect(italian.text).toContain('<html lang="en" dir="ltr">');
    expect(titles(italian.text)).toEqual(['Reserve ahead']);
    const arabic = await get('/changelog/zipp?lang=ar');
    expect(arabic.text).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain('<article lang="ar" dir="rtl">');
  });

  it('keeps a release’s post out until the release reaches everyone', async () => {
    const site = await changelogSite();
    const rel = await createRelease(t, site.id, {
      phases: [
        { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 },
        { name: 'Everyone', audience: {}, percent: 100 },
      ],
    });
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    await publishMessage(t, site.id, post('Reserve ahead', { releaseId: rel.id }));
    await publishMessage(t, site.id, post('Night mode'));

    expect(titles((await get('/changelog/zipp')).text)).toEqual(['Night mode']);
    const austin = await t.post('/v1/feed', {
      site: site.publicKey,
      user: { id: 'u1', traits: { city: 'Austin' } },
    });
    expect(austin.body.posts.map((p: { content: { title: string } }) => p.content.title)).toContain(
      'Reserve ahead',
    );

    t.clock.advance(3_600_000);
    await t.api('POST', `/api/releases/${rel.id}/advance`);
    const listed = await get('/changelog/zipp');
    expect(titles(listed.text)).toEqual(['Reserve ahead', 'Night mode']);
    // It became public when the release reached everyone, not when the message was published.
    expect(listed.text).toContain(`datetime="${t.clock.now.toISOString()}"`);
  });
});

describe('the changelog feeds', () => {
  it('serves valid RSS 2.0 with the required channel and item fields', async () => {
    const site = await changelogSite();
    await publishMessage(t, site.id, post('Reserve ahead'));
    const res = await get('/changelog/zipp/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    expect(XMLValidator.validate(res.text)).toBe(true);
    const rss = new XMLParser({ ignoreAttributes: false }).parse(res.text).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel).toMatchObject({
      title: 'Zipp changelog',
      link: 'http://localhost:8787/changelog/zipp',
    });
    expect(rss.channel.description).toBeTruthy();
    const item = rss.channel.item;
    expect(item.title).toBe('Reserve ahead');
    expect(item.link).toMatch(/^http:\/\/localhost:8787\/changelog\/zipp\/posts\//);
    expect(new Date(item.pubDate).toISOString()).toBe(t.clock.now.toISOString());
    expect(item['content:encoded']).toContain('<strong>Reserve ahead</strong>');
  });

  it('serves JSON Feed 1.1 with the required fields', async () => {
    const site = await changelogSite();
    const id = await publishMessage(t, site.id, post('Reserve ahead'));
    const res = await get('/changelog/zipp/feed.json');
    expect(res.headers.get('content-type')).toContain('application/feed+json');
    const feed = JSON.parse(res.text);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Zipp changelog',
      home_page_url: 'http://localhost:8787/changelog/zipp',
      feed_url: 'http://localhost:8787/changelog/zipp/feed.json',
      language: 'en',
    });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      id: `http://localhost:8787/changelog/zipp/posts/${id}`,
      url: `http://localhost:8787/changelog/zipp/posts/${id}`,
      title: 'Reserve ahead',
      date_published: t.clock.now.toISOString(),
    });
    expect(feed.items[0].content_html).toContain('<strong>Reserve ahead</strong>');
  });

  it.each(['/changelog/zipp', '/changelog/zipp/rss.xml', '/changelog/zipp/feed.json'])(
    '%s answers 304 to a second request with its ETag, and 200 once a post is added',
    async (path) => {
      const site = await changelogSite();
      await publishMessage(t, site.id, post('Reserve ahead'));
      const first = await get(path);
      const tag = first.headers.get('etag');
      expect(tag).toBeTruthy();
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const again = await get(path, { 'if-none-match': tag ?? '' });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      t.clock.advance(1000);
      await publishMessage(t, site.id, post('Night mode'));
      const changed = await get(path, { 'if-none-match': tag ?? '' });
      expect(changed.status).toBe(200);
    },
  );
});

describe('the widget feed', () => {
  it('points to the public changelog when the site has one, and to nothing otherwise', async () => {
    const site = await changelogSite();
    const other = await createSite(t, { name: 'Other' });
    const user = { anonymousId: 'a_1' };
    const feed = (s: { publicKey: string }) => t.post('/v1/feed', { site: s.publicKey, user });
    // No SMTP in this app: the link goes to the page (with its RSS and JSON feeds), not to a subscribe form.
    expect((await feed(site)).body.subscribeUrl).toBe('http://localhost:8787/changelog/zipp');
    expect((await feed(other)).body).not.toHaveProperty('subscribeUrl');
  });
});

describe('the changelog slug', () => {
  it('belongs to one site: another site cannot take it, and bad slugs are refused', async () => {
    await changelogSite();
    const other = await createSite(t, { name: 'Other' });
    const taken = await t.api('PATCH', `/api/sites/${other.id}`, { changelogSlug: 'zipp' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slug_taken');
    const bad = await t.api('PATCH', `/api/sites/${other.id}`, { changelogSlug: 'Not A Slug' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('changelogSlug');
    expect((await t.api('GET', `/api/sites/${other.id}`)).body.changelogSlug).toBeNull();
  });
});
