import { batch, signal } from '@preact/signals-core';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { HeraldEventName } from '../loader/herald.ts';
import type { WidgetTheme, WidgetView } from '../model/view.ts';
import { createFeedModel } from './feed-model.ts';
import type { EventInput, Host, Surfaces } from './host.ts';
import { matchesPages } from './pages.ts';
import { pickNext } from './priority.ts';
import { sleep, waitFor } from './wait.ts';

type Tooltip = { message: ShownMessage; anchor: Element };

/**
 * Where a message shows: a banner owns its edge (`top` or `bottom`), every other surface the one
 * interruption slot (`i`). A survey always interrupts, whatever its style (the UI draws it as a card).
 */
const slotOf = (m: ShownMessage) =>
  m.kind !== 'survey' && 'style' in m.display && m.display.style === 'banner'
    ? (m.display.position ?? 'top')
    : 'i';

/**
 * The signals model behind `WidgetView`: it arms each message's trigger, re-checks the page after every
 * delay and navigation, shows one interruption at a time by priority and, beside it, one banner per edge,
 * attaches tooltips to their anchors once those exist, and turns what the user does into events and
 * local state through `host`. `prepare` hears of each message whose trigger is armed, before its delay,
 * its element or its slot: the surfaces start downloading its code then (`preload`).
 */
export function createModel(
  host: Host,
  prepare: (m: ShownMessage) => void = () => {},
): Surfaces & { view: WidgetView } {
  const { log, guard } = host;
  /** Actions run in the UI's event handlers: nothing they throw may reach the host page. */
  const guardAll = <T extends Record<string, (...args: never[]) => unknown>>(actions: T): T =>
    Object.fromEntries(Object.entries(actions).map(([k, f]) => [k, guard(f)])) as T;
  /** Records an event and tells the page's `Herald.on` handlers, which know an impression as `show`. */
  const record = (input: EventInput) => {
    const event = host.record(input);
    for (const handler of host.on[event.type === 'impression' ? 'show' : (event.type as HeraldEventName)] ??
      [])
      guard(handler)(event);
  };
  const current = signal<ShownMessage | null>(null);
  const banners = signal<ShownMessage[]>([]);
  const tooltips = signal<Tooltip[]>([]);
  const theme = signal<WidgetTheme | null>(null);
  const feed = createFeedModel(host, record);
  let messages: ShownMessage[] = [];
  /** Triggered messages waiting for their slot (see `slotOf`) to be free. */
  let waiting: ShownMessage[] = [];
  const closed = new Set<string>();
  const answered = new Set<string>();
  /** Messages whose impression was recorded for the current showing. */
  const seen = new Set<string>();
  let armed = new AbortController();

  const find = (id: string) => messages.find((m) => m.id === id);
  const here = (m: ShownMessage) => matchesPages(m.pages, location.pathname) && !closed.has(m.id);
  const onScreen = (id: string) =>
    [current.value, ...banners.value].some((m) => m?.id === id) ||
    tooltips.value.some((t) => t.message.id === id);

  /** Fills each free slot with its waiting message of highest priority. */
  function next() {
    waiting = waiting.filter(here);
    const taken = [current.value, ...banners.value].map((m) => m && slotOf(m));
    let free = waiting.filter((w) => !taken.includes(slotOf(w)));
    for (let m = pickNext(free); m; m = pickNext(free)) {
      const slot = slotOf(m);
      free = free.filter((w) => slotOf(w) !== slot);
      waiting = waiting.filter((w) => w !== m);
      if (slot === 'i') current.value = m;
      else banners.value = [...banners.value, m];
    }
  }

  /** Hides what is no longer live on this page (not a dismissal: it may come back). */
  function prune() {
    const keep = (m: ShownMessage) => !!find(m.id) && here(m);
    batch(() => {
      const cur = current.value;
      if (cur && !keep(cur)) current.value = null;
      if (!banners.value.every(keep)) banners.value = banners.value.filter(keep);
      const kept = tooltips.value.filter((t) => keep(t.message) && t.anchor.isConnected);
      // The same array when nothing left, so the surfaces do not re-render for nothing.
      if (kept.length < tooltips.value.length) tooltips.value = kept;
    });
    for (const id of seen) if (!onScreen(id)) seen.delete(id);
    next();
  }

  /** A tooltip shows once its anchor exists; when the app re-renders the anchor away, it waits again. */
  async function attach(m: ShownMessage, anchorSelector: string, stop: AbortSignal) {
    const anchor = await waitFor(anchorSelector, stop);
    if (!anchor || !here(m) || onScreen(m.id)) return;
    tooltips.value = [...tooltips.value, { message: m, anchor }];
    anchors.observe(document, { childList: true, subtree: true });
  }
  const anchors = new MutationObserver(() => {
    const gone = tooltips.value.filter((t) => !t.anchor.isConnected);
    if (!tooltips.value.length) anchors.disconnect();
    if (!gone.length) return;
    tooltips.value = tooltips.value.filter((t) => !gone.includes(t));
    for (const { message: m } of gone) {
      if ('anchor' in m.display) attach(m, m.display.anchor, armed.signal).catch(log);
    }
  });

  /** The trigger fired: wait its delay, re-check the page, then show it. */
  async function fire(m: ShownMessage, stop: AbortSignal) {
    await sleep(m.trigger.delayMs ?? 0, stop);
    if (!here(m) || onScreen(m.id) || waiting.includes(m)) return;
    if ('anchor' in m.display) return attach(m, m.display.anchor, stop);
    waiting.push(m);
    // In a later task, so that messages triggered together (same delay, same event) compete by priority.
    setTimeout(next);
  }

  function close(id: string, dismissed: boolean) {
    if (dismissed && !answered.has(id)) record({ type: 'dismiss', messageId: id });
    closed.add(id);
    const m = find(id);
    if (m) host.remember(m);
    prune();
  }

  return {
    view: {
      current,
      banners,
      tooltips,
      feed: feed.feed,
      locale: signal(host.config.locale),
      theme,
      actions: guardAll({
        ...feed.actions,
        shown(id) {
          if (!seen.has(id)) record({ type: 'impression', messageId: id });
          seen.add(id);
        },
        dismiss: (id) => close(id, true),
        click(id, url) {
          record({ type: 'click', messageId: id });
          close(id, false);
          // Only web URLs: never a `javascript:` link, whatever reached the content.
          if (url && /^https?:$/.test(new URL(url, location.href).protocol)) location.assign(url);
        },
        respond(id, value, text) {
          answered.add(id);
          record({ type: 'response', messageId: id, value, text });
          const m = find(id);
          if (m) host.remember(m);
        },
      }),
    },
    update(decision, tracked) {
      armed.abort();
      armed = new AbortController();
      messages = decision.messages;
      waiting = [];
      // The loader left out what local state remembers as closed; what is closed now is in that state too.
      closed.clear();
      theme.value = decision.theme ?? null;
      feed.sync(decision);
      prune();
      for (const m of messages) {
        const t = m.trigger;
        // An event trigger whose event already happened in this page view fires as it would have then.
        if (onScreen(m.id) || (t.on === 'event' && !tracked.includes(t.event))) continue;
        prepare(m);
        const stop = armed.signal;
        const go: Promise<unknown> = t.on === 'element' ? waitFor(t.selector, stop) : Promise.resolve(true);
        go.then((ok) => ok && fire(m, stop)).catch(log);
      }
    },
    track(name) {
      for (const m of messages) {
        if (m.trigger.on === 'event' && m.trigger.event === name) {
          prepare(m);
          fire(m, armed.signal).catch(log);
        }
      }
    },
    route: prune,
    openFeed: feed.actions.openFeed,
  };
}
