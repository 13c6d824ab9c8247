import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, heraldReady, queuedEvents, type Session, type TestWindow } from '../support/browser.ts';
import { poll, sleep } from '../support/browser-server.ts';
import { type ApiMode, type SwitchProxy, startSwitchProxy } from '../support/switch-proxy.ts';

const TITLE = 'Scooters are back';
/** How long each outage is watched: past the slow answer (10 s) and a few retries of the event queue. */
const WATCH_MS = 13_000;

/**
 * The host page's own life during the outage: a timer that records its longest gap between ticks (a
 * blocked main thread stretches it) and a button whose click handler counts.
 */
const TICKER = `(function () {
  var t = (window.__ticker = { ticks: 0, maxGap: 0, taps: 0, last: performance.now() });
  setInterval(function () {
    var now = performance.now();
    t.maxGap = Math.max(t.maxGap, now - t.last);
    t.last = now;
    t.ticks++;
  }, 50);
  document.addEventListener('click', function (e) {
    if (e.target && e.target.id === 'tap') t.taps++;
  });
})();
`;

type Ticker = { ticks: number; maxGap: number; taps: number };
type OutageWindow = TestWindow & { __ticker: Ticker };

describe('the widget while its API is down, slow or answering 500', () => {
  const env = browserEnv({ site: 'Outage' });
  let proxy: SwitchProxy;
  let session: Session;

  beforeAll(async () => {
    proxy = await startSwitchProxy(env.herald.base, { slowMs: 10_000 });
    await env.publish({
      kind: 'announcement',
      name: TITLE,
      display: { style: 'modal' },
      content: { en: { title: TITLE, body: 'Ride again.' } },
      frequency: { mode: 'always' },
    });
    env.host.file('/ticker.js', TICKER);
    // The widget's files come from the Herald server; only its API calls (`data-api`) go through the proxy.
    const page = {
      site: env.site.publicKey,
      body: '<main><h1>Rides</h1><button id="tap" type="button">Tap</button></main>',
      scripts: ['/ticker.js'],
      user: { id: 'u_outage' },
    };
    env.host.page('/outage/*', { ...page, api: proxy.origin });
    // Here the whole server is behind the proxy: `widget.js` and its chunks too.
    env.host.page('/whole/*', { ...page, from: proxy.origin });
    session = await env.open();
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  /**
   * Opens a page view while the API is in `mode`, uses the page as a visitor would (taps, and
   * `Herald.track` calls that queue events) and watches it for `WATCH_MS`. Returns the widget's requests
   * to the API, as `METHOD /path`, counted by the browser (a refused connection reaches no server).
   */
  async function visit(
    page: Page,
    mode: ApiMode,
    prefix = '/outage/',
    watchMs = WATCH_MS,
  ): Promise<string[]> {
    await proxy.setMode(mode);
    const requests: string[] = [];
    const count = (r: Request) => {
      if (r.url().startsWith(proxy.origin)) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    };
    page.on('request', count);
    try {
      await page.goto(env.host.url(`${prefix}${mode}`));
      for (let i = 0; i < 3; i++) {
        await page.getByRole('button', { name: 'Tap' }).click();
        await page.evaluate(() => (window as unknown as OutageWindow).Herald.track('ride'));
      }
      await sleep(watchMs);
    } finally {
      page.off('request', count);
    }
    return requests;
  }

  /** Nothing reached the host page, which kept running on time. */
  async function expectPageUnharmed(page: Page) {
    const probe = await page.evaluate(() => {
      const w = window as unknown as OutageWindow;
      return { errors: w.__probe.errors, rejections: w.__probe.rejections, ticker: w.__ticker };
    });
    expect(probe.errors).toEqual([]);
    expect(probe.rejections).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    // Chromium logs every failed request itself ("Failed to load resource"); anything else would be ours.
    expect(session.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    expect(probe.ticker.taps).toBe(3);
    // A 50 ms timer: a gap of seconds would mean the page froze while the widget waited.
    expect(probe.ticker.maxGap).toBeLessThan(2000);
    expect(probe.ticker.ticks).toBeGreaterThan(10);
  }

  /** The page is unharmed and the widget asked the API only a few times: a decide or two, a few event sends. */
  async function expectUnharmed(page: Page, requests: string[]) {
    await expectPageUnharmed(page);
    // The page view's decide, and at most its first retry (15 s, jittered) within the watch.
    const decides = requests.filter((r) => r === 'POST /v1/decide').length;
    expect(decides).toBeGreaterThanOrEqual(1);
    expect(decides).toBeLessThanOrEqual(2);
    expect(requests.filter((r) => r === 'POST /v1/events').length).toBeLessThanOrEqual(6);
    expect(requests.length).toBeLessThanOrEqual(8);
  }

  it.each<ApiMode>(['down', 'error'])('keeps the host page whole while the API is %s', async (mode) => {
    const { page } = session;
    const requests = await visit(page, mode);
    await expectUnharmed(page, requests);
    // The public API still answers at once: ready() resolves after the failed decide, and nothing is on.
    const state = await page.evaluate(async () => {
      const { Herald } = window as unknown as OutageWindow;
      await Herald.ready();
      return { enabled: Herald.isEnabled('anything') };
    });
    expect(state).toEqual({ enabled: false });
    expect(await page.getByRole('dialog', { name: TITLE }).count()).toBe(0);
    expect((await queuedEvents(page, env.site.publicKey)).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the host page responsive through a 10 s answer, then shows the message', async () => {
    const { page } = session;
    const requests = await visit(page, 'slow');
    await expectUnharmed(page, requests);
    await page.getByRole('dialog', { name: TITLE }).waitFor();
  });

  it.each<ApiMode>(['down', 'error'])(
    'keeps the host page whole when the whole server is %s, the widget script included',
    async (mode) => {
      const { page } = session;
      const requests = await visit(page, mode, '/whole/', 5000);
      await expectPageUnharmed(page);
      // One try at the script, no retry loop; the embed stub keeps the page's calls (DESIGN's `Herald.q`).
      expect(requests).toEqual(['GET /widget.js']);
      const stub = await page.evaluate(() => {
        // The real API has no queue: `q` still there means the stub was never replaced.
        const h = (window as unknown as { Herald: { q?: unknown[] } }).Herald;
        return { queued: h.q?.length ?? 0, loaded: h.q === undefined };
      });
      expect(stub.loaded).toBe(false);
      expect(stub.queued).toBeGreaterThanOrEqual(4);
    },
  );

  it('recovers in the same page view: opened while the API was down, it shows the message once it is back', async () => {
    const { page } = session;
    await proxy.setMode('down');
    await page.goto(env.host.url('/outage/same-page'));
    await heraldReady(page);
    expect(await page.getByRole('dialog', { name: TITLE }).count()).toBe(0);
    await proxy.setMode('up');
    // No reload, no navigation: the widget's own retry (within 15 s) finds the server back.
    await page.getByRole('dialog', { name: TITLE }).waitFor({ timeout: 30_000 });
  });

  it('recovers in the same page view when the widget’s files were away while the API answered', async () => {
    const { page } = session;
    await proxy.setMode('chunks');
    const refused = proxy.seen.length;
    await page.goto(env.host.url('/whole/chunks'));
    await heraldReady(page);
    await poll('the refused download of the surfaces', async () =>
      proxy.seen.slice(refused).some((r) => r.startsWith('GET /widget/')) ? true : undefined,
    );
    expect(await page.getByRole('dialog', { name: TITLE }).count()).toBe(0);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Tap' }).click();
    await proxy.setMode('up');
    await page.getByRole('dialog', { name: TITLE }).waitFor({ timeout: 30_000 });
    await expectPageUnharmed(page);
  });

  it('works again once the API is back: the message shows and every queued event is delivered', async () => {
    const { page } = session;
    await proxy.setMode('up');
    await page.goto(env.host.url('/outage/back'));
    await page.getByRole('dialog', { name: TITLE }).waitFor();
    await page.goto(env.host.url('/whole/back'));
    await page.getByRole('dialog', { name: TITLE }).waitFor();
    await poll('the event queue to drain', async () =>
      (await queuedEvents(page, env.site.publicKey)).length === 0 ? true : undefined,
    );
    expect(
      proxy.seen.filter((r) => r.startsWith('POST /v1/events') && r.endsWith('(up)')).length,
    ).toBeGreaterThan(0);
  });
});
