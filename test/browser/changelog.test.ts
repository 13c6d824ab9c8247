import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/admin-browser.ts';
import { launchChromium } from '../support/browser.ts';
import { announcement, type HeraldServer, publishMessage, startHerald } from '../support/browser-server.ts';
import { type SmtpSink, smtpSink } from '../support/smtp-sink.ts';

const RELEASE_POST = 'Reserve a scooter ahead';
const PLAIN_POST = 'Night mode for the map';

let sink: SmtpSink;
let herald: HeraldServer;
let releaseId: string;
let changelog: string;
const browsers: { close(): Promise<void> }[] = [];

/**
 * Chromium with JavaScript off (under the page's own CSP) or on; axe-core is injected as a script, which
 * the page's CSP refuses, so with JavaScript the CSP is bypassed.
 */
async function open(javaScriptEnabled: boolean): Promise<Page> {
  const browser = await launchChromium({ javaScriptEnabled, bypassCSP: javaScriptEnabled });
  browsers.push(browser);
  return browser.page;
}

async function expectNoSeriousViolation(page: Page, what: string) {
  const found = await seriousViolations(page);
  if (found.length > 0) console.log(`axe on the ${what}:\n${JSON.stringify(found, null, 2)}`);
  expect(found).toEqual([]);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

beforeAll(async () => {
  sink = await smtpSink();
  herald = await startHerald({ HERALD_SMTP_URL: sink.url, HERALD_DEMO_HISTORY: 'off' });
  const site = await herald.api('POST', '/api/sites', {
    name: 'Zipp',
    changelogSlug: 'zipp',
    digest: { every: 'weekly' },
    allowedOrigins: ['https://app.zipp.test'],
    theme: { brandColor: '#e11d48', radius: 8, font: 'Georgia, serif' },
  });
  const target = { id: site.body.id as string, publicKey: site.body.publicKey as string };
  const release = await herald.api('POST', `/api/sites/${target.id}/releases`, {
    key: 'reserve-ahead',
    name: 'Reserve ahead',
    phases: [
      { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 10 },
      { name: 'Everyone', audience: {}, percent: 100 },
    ],
  });
  releaseId = release.body.id;
  expect((await herald.api('POST', `/api/releases/${releaseId}/advance`)).status).toBe(200);
  const body = 'Reserve up to **30 minutes** ahead.\n\n- Pick a scooter\n- [Reserve it](/reserve)';
  await publishMessage(
    herald,
    target,
    announcement({ style: 'modal' }, { title: RELEASE_POST, body }, { feed: true, releaseId }),
  );
  await publishMessage(
    herald,
    target,
    announcement(
      { style: 'banner' },
      { title: PLAIN_POST, body: 'The map follows your system.' },
      { feed: true },
    ),
  );
  changelog = `${herald.base}/changelog/zipp`;
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await herald?.stop();
  await sink?.close();
});

describe('the public changelog in Chromium', () => {
  it('reads without JavaScript, keeps the pilot’s post out, and subscribes through the plain form', async () => {
    const page = await open(false);
    // A CSP refusal (of the stylesheet, of the form's target) shows up as a console error.
    const refused: string[] = [];
    page.on('console', (m) => m.type() === 'error' && refused.push(m.text()));
    await page.goto(changelog);
    await heading(page, PLAIN_POST).waitFor();
    expect(await heading(page, RELEASE_POST).count()).toBe(0);
    await page.getByRole('link', { name: PLAIN_POST }).click();
    expect(await page.title()).toMatch(/^Night mode/);
    expect(page.url()).toMatch(/\/changelog\/zipp\/posts\//);
    await page.getByRole('link', { name: 'All posts' }).click();

    await page.getByLabel('Email address').fill('reader@example.com');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await heading(page, 'Check your inbox').waitFor();
    const mail = await sink.mail(1);
    expect(mail.subject).toBe('Confirm your subscription to the Zipp changelog');
    expect(refused).toEqual([]);
  });

  it('has no serious or critical axe violation, light and dark, list and permalink', async () => {
    const page = await open(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(changelog);
      await heading(page, PLAIN_POST).waitFor();
      await expectNoSeriousViolation(page, `changelog (${colorScheme})`);
      await page.getByRole('link', { name: PLAIN_POST }).click();
      await heading(page, PLAIN_POST).waitFor();
      await expectNoSeriousViolation(page, `permalink (${colorScheme})`);
    }
    // The theme follows the system: the page background differs between light and dark.
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
  });

  it('shows the release’s post once the release completes', async () => {
    const page = await open(true);
    await page.goto(changelog);
    await heading(page, PLAIN_POST).waitFor();
    expect(await heading(page, RELEASE_POST).count()).toBe(0);

    expect((await herald.api('POST', `/api/releases/${releaseId}/advance`)).body.status).toBe('active');
    expect((await herald.api('POST', `/api/releases/${releaseId}/advance`)).body.status).toBe('complete');
    await page.reload();
    await heading(page, RELEASE_POST).waitFor();
    const titles = await page.locator('article h2').allTextContents();
    expect(titles).toEqual([RELEASE_POST, PLAIN_POST]);
    // The relative link points at the product, not at Herald.
    expect(await page.getByRole('link', { name: 'Reserve it' }).getAttribute('href')).toBe(
      'https://app.zipp.test/reserve',
    );
    await expectNoSeriousViolation(page, 'changelog with the release post');
  });
});
