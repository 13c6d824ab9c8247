import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ADMIN } from './admin-browser.ts';
import { launchChromium } from './browser.ts';
import { type HostServer, startHost } from './browser-host.ts';
import {
  createSite,
  type HeraldServer,
  publishMessage,
  startHerald,
  type TestSite,
} from './browser-server.ts';
import { banner, COMMENT, feedPosts, modal, survey, TITLE, tooltip } from './xss-messages.ts';
import { watchXss } from './xss-watch.ts';

/**
 * The shared setup of the XSS browser tests: the real server with the admin page and a known admin, a host
 * server, a site whose messages carry the corpus (`xss-messages.ts`), a host page `/xss` that sends no CSP
 * and identifies a user whose id and trait are payloads, and watched browsers, all stopped after the file.
 *
 * @example const env = xssEnv(); it('…', async () => { const { page, ran } = await env.open(); … });
 */
export function xssEnv() {
  const closers: (() => Promise<void>)[] = [];
  const env = {
    herald: undefined as unknown as HeraldServer,
    host: undefined as unknown as HostServer,
    site: undefined as unknown as TestSite,
    ids: { modal: '', survey: '' },
    /** A fresh Chromium whose pages and frames are watched; `ran` lists any payload that executed. */
    async open(options: BrowserContextOptions = {}) {
      const browser = await launchChromium(options);
      closers.push(browser.close);
      const ran = await watchXss(browser.context, browser.page);
      return { page: browser.page, ran };
    },
  };
  beforeAll(async () => {
    env.herald = await startHerald(
      { HERALD_ADMIN_EMAIL: ADMIN.email, HERALD_ADMIN_PASSWORD: ADMIN.password },
      { admin: true },
    );
    env.host = await startHost(env.herald.base);
    const site = await createSite(env.herald, 'XSS', env.host.origin);
    env.site = site;
    env.ids.modal = await publishMessage(env.herald, site, modal);
    env.ids.survey = await publishMessage(env.herald, site, survey);
    for (const post of [...feedPosts, banner, tooltip]) await publishMessage(env.herald, site, post);
    // No CSP: a host page that trusts the widget completely is the one where a slip would hurt.
    env.host.page('/xss', {
      site: site.publicKey,
      body: '<main><h1>Host</h1></main>',
      user: { id: TITLE, traits: { city: COMMENT } },
      csp: false,
    });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await env.host?.stop();
    await env.herald?.stop();
  });
  return env;
}
