import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, settled, type TestWindow, track } from '../support/browser.ts';
import { announcement, inAustin, onEvent } from '../support/browser-server.ts';

const TITLE = 'Reserve a scooter ahead';

/**
 * A host stylesheet written to break embedded widgets: global resets, hiding every div and every
 * dialog, giant buttons and text, and rules aimed at the widget's own root element. The head stays
 * hidden: under `all: unset` its title would show, and a frame painted while the parser waits for
 * the head's scripts would then move it — a layout shift of the page's own, before any widget code runs.
 */
const HOSTILE_CSS = `
* { all: unset; }
head { display: none !important; }
html { font-size: 40px !important; }
div { display: none !important; }
button { font-size: 40px !important; color: red !important; padding: 30px !important; }
h2, p, li { font-size: 50px !important; line-height: 3 !important; color: red !important; }
[role='dialog'], [aria-modal] { display: none !important; }
#herald-root {
  display: none !important; opacity: 0 !important; visibility: hidden !important;
  transform: translateX(-200vw) !important; z-index: -1 !important; position: absolute !important;
}
body > :last-child { visibility: hidden !important; filter: blur(20px) !important; }
`;

const STILL_IN_VIEW = 'Night rides are 20% off';

/** A transformed `body` is the containing block of fixed elements inside it: they scroll away with it. */
const TALL_CSS = `
body { margin: 0; transform: translateZ(0); }
main { display: block; height: 5000px; }
`;

const BODY = `
<header data-probe="header"><h1 data-probe="heading">Zipp</h1>
  <nav><a href="/app/rides" data-probe="link">Rides</a></nav></header>
<main data-probe="main">
  <p data-probe="intro">Scooters, two minutes away.</p>
  <button type="button" data-probe="button">Reserve</button>
  <div>Hidden by the page's own stylesheet.</div>
</main>
<footer data-probe="footer">Zipp, a host page with hostile CSS.</footer>
`;

describe('a hostile host page with a strict CSP', () => {
  const env = browserEnv({ site: 'Hostile host' });

  beforeAll(async () => {
    const launch = {
      title: TITLE,
      body: 'Hold a scooter for up to **30 minutes**.\n\n- Pick it\n- Ride it',
      cta: { label: 'Try it', url: '/app/reserve' },
    };
    const appOnly = { pages: { include: ['/app/*'], exclude: [] } };
    await env.publish(announcement({ style: 'modal' }, launch, appOnly));
    const scrolled = { title: STILL_IN_VIEW, body: 'Wherever you scrolled to.' };
    await env.publish(announcement({ style: 'modal' }, scrolled, { trigger: onEvent('scrolled') }));
    env.host.file('/tall.css', TALL_CSS, 'text/css');
    env.page('/tall/*', {
      title: 'A long page with a transformed body',
      body: '<main><h1>Ride history</h1></main>',
      styles: ['/tall.css'],
      user: { id: 'u_scroller' },
    });
    env.host.file('/hostile.css', HOSTILE_CSS, 'text/css');
    env.page('/app/*', {
      title: 'Hostile host',
      body: BODY,
      styles: ['/hostile.css'],
      user: inAustin('u_hostile'),
    });
  });

  it('shows the modal correctly, with no CSP violation, no error, no layout shift and no global but Herald', async () => {
    const { context, page, pageErrors, consoleErrors } = await env.open();
    // What Chromium itself reports, independently of the page's listeners.
    const cdp = await context.newCDPSession(page);
    const cspIssues: string[] = [];
    const browserLog: string[] = [];
    cdp.on('Audits.issueAdded', ({ issue }) => {
      if (issue.code === 'ContentSecurityPolicyIssue') cspIssues.push(JSON.stringify(issue.details));
    });
    cdp.on('Log.entryAdded', ({ entry }) => {
      if (entry.level === 'error' || entry.source === 'security')
        browserLog.push(`${entry.source}: ${entry.text}`);
    });
    await cdp.send('Audits.enable');
    await cdp.send('Log.enable');

    const response = await page.goto(env.host.url('/app/home'));
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    const dialog = page.getByRole('dialog', { name: TITLE });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await settled(page);

    const look = await page.evaluate(() => {
      const root = document.getElementById('herald-root') as HTMLElement;
      const shadow = root.shadowRoot as ShadowRoot;
      const card = shadow.querySelector('[role=dialog]') as HTMLElement;
      const r = card.getBoundingClientRect();
      const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2];
      const cta = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Try it') as HTMLElement;
      const style = getComputedStyle(card);
      return {
        openShadowRoot: root.shadowRoot !== null && shadow.mode === 'open',
        single: document.querySelectorAll('#herald-root').length === 1 && root.isConnected,
        box: { x: r.x, y: r.y, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
        viewport: { width: innerWidth, height: innerHeight },
        onTop: document.elementFromPoint(cx, cy) === root && card.contains(shadow.elementFromPoint(cx, cy)),
        shown: { display: style.display, visibility: style.visibility, opacity: style.opacity },
        titleSize: parseFloat(getComputedStyle(card.querySelector('h2') as HTMLElement).fontSize),
        ctaSize: parseFloat(getComputedStyle(cta).fontSize),
        hostBoxes: (window as unknown as TestWindow).__probe.boxes(),
        hostButtonSize: parseFloat(
          getComputedStyle(document.querySelector('main button') as Element).fontSize,
        ),
      };
    });
    expect(look.openShadowRoot).toBe(true);
    expect(look.single).toBe(true);
    expect(look.shown).toEqual({ display: 'block', visibility: 'visible', opacity: '1' });
    expect(look.onTop).toBe(true);
    expect(look.box.width).toBeGreaterThanOrEqual(280);
    expect(look.box.width).toBeLessThanOrEqual(640);
    expect(look.box.height).toBeGreaterThanOrEqual(100);
    expect(look.box.x).toBeGreaterThanOrEqual(0);
    expect(look.box.y).toBeGreaterThanOrEqual(0);
    expect(look.box.right).toBeLessThanOrEqual(look.viewport.width);
    expect(look.box.bottom).toBeLessThanOrEqual(look.viewport.height);
    // The host's 40–50px rules apply to its own page (the stylesheet loaded) but do not reach inside.
    expect(look.hostButtonSize).toBe(40);
    expect(look.titleSize).toBeLessThan(30);
    expect(look.ctaSize).toBeLessThan(30);

    // It works under the hostile CSS too: the close button closes it.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const probe = await page.evaluate(() => {
      const p = (window as unknown as TestWindow).__probe;
      const { violations, errors, rejections, shift, shifted, added, before } = p;
      const keys = Object.keys(window).filter((k) => !p.keys.includes(k));
      return { violations, errors, rejections, shift, shifted, added, before, after: p.boxes(), keys };
    });
    expect(probe.violations).toEqual([]);
    expect(cspIssues).toEqual([]);
    expect(probe.errors).toEqual([]);
    expect(probe.rejections).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(browserLog).toEqual([]);
    // The host's own elements did not move, neither while the modal was up nor after it closed.
    expect(probe.before).toHaveLength(7);
    expect(look.hostBoxes).toEqual(probe.before);
    expect(probe.after).toEqual(probe.before);
    expect(probe.shift, probe.shifted.join('\n')).toBe(0);
    expect(probe.added).toEqual(['div#herald-root']);
    expect(probe.keys).toEqual(['Herald']);

    // Control: the policy is enforced, and the page's listener, the Audits issues and the console all
    // hear a violation.
    await page.evaluate(() =>
      document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{}' })),
    );
    await page.waitForFunction(() => (window as unknown as TestWindow).__probe.violations.length > 0);
    await expect.poll(() => cspIssues.length).toBeGreaterThan(0);
    await expect.poll(() => consoleErrors.length + browserLog.length).toBeGreaterThan(0);
  });

  it('keeps the modal in view on a scrolled page whose body is transformed', async () => {
    const { page } = await env.visit('/tall/rides');
    await page.evaluate(() => scrollTo(0, 4000));
    await track(page, 'scrolled');
    const dialog = page.getByRole('dialog', { name: STILL_IN_VIEW });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await settled(page);
    const seen = await page.evaluate(() => {
      const root = document.getElementById('herald-root') as HTMLElement;
      const card = root.shadowRoot?.querySelector('[role=dialog]') as HTMLElement;
      const r = card.getBoundingClientRect();
      const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2];
      return {
        scrollY,
        inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        onTop: document.elementFromPoint(cx, cy) === root,
      };
    });
    expect(seen).toEqual({ scrollY: 4000, inView: true, onTop: true });
  });
});
