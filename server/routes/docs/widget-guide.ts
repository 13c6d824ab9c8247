import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { embedSnippet } from '../../../widget/loader/stub.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** One documented example: its anchor, heading, what it does, and code a reader copies as it is. */
export type GuideEntry = { id: string; title: string; about: Html; code: string };

/**
 * The methods of `window.Herald` (and of the npm package), one entry each, in the order the stub names
 * them. Written by hand, checked by tests: `test/api/docs-widget.test.ts` against the npm package's
 * exports and `test/browser/docs.test.ts` against the built widget's global, so a method added without
 * docs fails.
 */
export const WIDGET_API: GuideEntry[] = [
  {
    id: 'identify',
    title: 'Herald.identify(id, traits?, { token?, test? }?)',
    about: html`Who the user is; the widget asks <code>/v1/decide</code> again for them. Audiences match the
      <code>traits</code>. With identity verification on, the server trusts only the signed <code>token</code>
      (its <code>sub</code> and <code>traits</code>, see <a href="#signed-identity">signed identity</a>), and
      <code>test: true</code> asks for <a href="#test-mode">test mode</a>.`,
    code: 'Herald.identify("u_42", { city: "Austin", plan: "pro" });',
  },
  {
    id: 'track',
    title: 'Herald.track(name, props?)',
    about: html`Records a <code>track</code> event: it shows messages whose trigger is this event
      (<code>{ "on": "event", "event": "reservation_made" }</code>), also when the answer that holds them
      comes later in this page view, and counts for every release whose <a href="#goals">goal</a> has this
      name. <code>props</code> are flat values (strings up to 1,000 characters; nested objects are left out).`,
    code: 'Herald.track("reservation_made", { minutes: 30 });',
  },
  {
    id: 'page',
    title: 'Herald.page()',
    about: html`A page view the widget cannot see by itself: it asks decide again for the current URL. Calls
      to <code>history.pushState</code>, <code>replaceState</code> and the back button are noticed without it.`,
    code: 'Herald.page();',
  },
  {
    id: 'reset',
    title: 'Herald.reset()',
    about: html`On logout: a new anonymous id, no identity, nothing the previous user did remembered in this
      browser, and a new decide.`,
    code: 'Herald.reset();',
  },
  {
    id: 'openFeed',
    title: 'Herald.openFeed()',
    about: html`Opens the changelog feed. With <code>data-launcher="off"</code> on the script tag the widget
      shows no launcher button of its own, and your menu item calls this.`,
    code: 'document.querySelector("#whats-new").addEventListener("click", () => Herald.openFeed());',
  },
  {
    id: 'isEnabled',
    title: 'Herald.isEnabled(releaseKey)',
    about: html`Whether the release is on for this user, from the same decision that delivers its messages:
      <code>true</code> when the user is exposed (inside the current or an earlier phase, not held out).
      <code>false</code> until the first answer is in, so wait for <a href="#ready"><code>ready()</code></a>.`,
    code: 'if (Herald.isEnabled("reserve-ahead")) showReserveButton();',
  },
  {
    id: 'ready',
    title: 'Herald.ready()',
    about: html`A promise that resolves once the answer for the current user and page is in (or has failed:
      it never rejects). After <code>identify</code>, <code>reset</code> or a navigation it waits for the next
      answer. The snippet makes it callable at once.`,
    code: 'await Herald.ready();\nif (Herald.isEnabled("reserve-ahead")) showReserveButton();',
  },
  {
    id: 'on',
    title: 'Herald.on(event, handler)',
    about: html`<code>"ready"</code> calls the handler once, when <code>ready()</code> resolves;
      <code>"show"</code>, <code>"dismiss"</code> and <code>"response"</code> call it with the event the widget
      recorded (<code>type</code>, <code>messageId</code>, and for a response its <code>value</code> and
      <code>text</code>).`,
    code: 'Herald.on("response", (event) => console.log(event.messageId, event.value, event.text));',
  },
];

/**
 * The Node lines a product's backend runs to sign who the user is: an HS256 JWT over `sub`, `traits` and
 * `exp` with the site secret (`siteSecret`, the site's `sk_…`), with nothing but `node:crypto` (the test runs
 * them as written).
 */
export const SIGN_IN_NODE = `import { createHmac } from "node:crypto";
const part = (json) => Buffer.from(JSON.stringify(json)).toString("base64url");
const claims = { sub: user.id, traits: { city: user.city, plan: user.plan }, exp: Math.floor(Date.now() / 1000) + 3600 };
const unsigned = \`\${part({ alg: "HS256", typ: "JWT" })}.\${part(claims)}\`;
const token = \`\${unsigned}.\${createHmac("sha256", siteSecret).update(unsigned).digest("base64url")}\`;`;

/** The topics around the methods: the snippet, test mode, goals and signed identity. */
function topics(origin: string): GuideEntry[] {
  return [
    {
      id: 'snippet',
      title: 'The snippet',
      about: html`Paste it into every page, before the closing body tag, with your site's public key
        (<code>pk_…</code>, in the admin's site settings). The stub makes every method callable at once and
        queues the calls until the widget has loaded; the script is <code>async</code>, so the page never waits.`,
      code: embedSnippet(origin, 'pk_…', 'off'),
    },
    {
      id: 'test-mode',
      title: 'Test mode',
      about: html`The site's test users (site settings → Test users) see every release that is not rolled back,
        in draft, paused or in an early phase, when the page asks for test mode: <code>herald_test=1</code> in
        the page's URL, or <code>{ test: true }</code> in <code>identify</code>. Their messages are marked
        <strong>Test mode</strong>, and their events are never counted in results, reports or gates. Anybody
        else who asks gets the ordinary answer; with identity verification on, test mode needs a token.`,
      code: 'Herald.identify("u_42", { city: "Austin" }, { test: true });\n// or open https://app.example.com/app/home?herald_test=1',
    },
    {
      id: 'goals',
      title: 'Goals',
      about: html`A release's goal (<code>"goal": { "event": "reservation_made" }</code>) counts the
        <code>track</code> events of that name, from each user's exposure on (for the holdout, from the moment
        they were held out): the report compares the share of exposed and held-out users who converted, with
        the lift and its interval. On a site with identity verification, only verified users' events count.`,
      code: '// when the user does what the feature is for:\nHerald.track("reservation_made");',
    },
    {
      id: 'signed-identity',
      title: 'Signed identity',
      about: html`Turn identity verification on (site settings: <code>optional</code> or <code>required</code>)
        and have your backend sign who the user is with the site secret (<code>sk_…</code>, never in the page):
        an HS256 JWT with <code>sub</code> (the user id), <code>traits</code> and <code>exp</code>. Decide then
        trusts only the token; a forged, tampered or expired one is refused with 401. In Node, with no library:`,
      code: `${SIGN_IN_NODE}\n// hand token to the page, which calls: Herald.identify(user.id, {}, { token })`,
    },
  ];
}

/** The examples of the guide, each with the text its copy button copies. */
export function guideEntries(origin: string): GuideEntry[] {
  return [...topics(origin), ...WIDGET_API];
}

/**
 * One example: its heading, what it does, the code, and a copy button. The button is `hidden` until
 * `/docs.js` runs (a page without scripts shows no dead button) and is named after its example, and
 * `#copy-status` says what happened, for screen readers as well.
 */
function entry(e: GuideEntry) {
  return html`<section id="${e.id}" class="guide">
    <h3>${e.title.startsWith('Herald.') ? html`<code>${e.title}</code>` : e.title}</h3>
    <p>${e.about}</p>
    <div class="example">
      <pre><code id="code-${e.id}">${e.code}</code></pre>
      <button type="button" class="copy" data-copy="code-${e.id}" aria-label="Copy the example: ${e.title}" hidden>Copy</button>
    </div>
  </section>`;
}

/**
 * The widget's half of /docs: the snippet, the JavaScript API, test mode, goals and signed identity, with
 * examples to copy. `origin` is where this Herald serves `widget.js`.
 */
export function widgetGuide(origin: string) {
  const [snippet, ...rest] = topics(origin);
  return html`<section id="widget" aria-labelledby="widget-title">
    <h2 id="widget-title">The widget</h2>
    ${snippet ? entry(snippet) : ''}
    <h2 id="widget-api">JavaScript API: <code>window.Herald</code></h2>
    <p>Every method returns at once and never throws into your page. The npm package <code>herald-widget</code>
      exports the same functions, to call after its <code>init({ site, api })</code>.</p>
    ${WIDGET_API.map(entry)}
    ${rest.map(entry)}
    <p id="copy-status" role="status" class="status"></p>
  </section>`;
}
